import asyncio
import time


def export_rows():  # blocking code, run in a worker thread
    for batch in range(1, 5):
        time.sleep(0.4)
        print(f"thread: batch {batch} written")


async def main():
    try:
        async with asyncio.timeout(0.6):
            await asyncio.to_thread(export_rows)
    except TimeoutError:
        print("main: timed out, returning")


asyncio.run(main())  # waits here for the thread to finish
print("asyncio.run returned")
