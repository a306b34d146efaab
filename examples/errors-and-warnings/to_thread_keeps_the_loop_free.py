import asyncio
import time


async def main():
    # The blocking call runs in a worker thread; the loop stays free while it waits.
    await asyncio.to_thread(time.sleep, 0.2)
    print("done")


asyncio.run(main(), debug=True)
