import asyncio
import time


def read_sensor():
    time.sleep(1)  # a driver with no async version: it blocks until the value is in
    return 21.5


async def heartbeat():
    while True:
        await asyncio.sleep(0.4)
        print("heartbeat")


async def main():
    beat = asyncio.create_task(heartbeat())
    # The heartbeat starts its sleep here, but its timer cannot fire while time.sleep
    # holds the thread.
    await asyncio.sleep(0)
    reading = read_sensor()
    print(f"temperature: {reading}")
    beat.cancel()


asyncio.run(main())
