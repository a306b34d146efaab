import asyncio
import time


def read_sensor():
    time.sleep(1)  # a driver with no async version: it blocks until the value is in
    return 21.5


async def read_sensor_async():
    # async def does not make the body asynchronous: time.sleep still holds the loop.
    return read_sensor()


async def heartbeat():
    while True:
        await asyncio.sleep(0.4)
        print("heartbeat")


async def main():
    beat = asyncio.create_task(heartbeat())
    reading = await read_sensor_async()
    print(f"temperature: {reading}")
    beat.cancel()


asyncio.run(main())
