import asyncio
import time


def sensor(loop, queue):
    time.sleep(0.2)
    print("thread: handing over reading 1")
    # Ask the loop to run put_nowait on its own thread, and wake it up.
    loop.call_soon_threadsafe(queue.put_nowait, "reading 1")
    time.sleep(0.8)  # the thread goes on with other work
    print("thread: done")


async def main():
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(asyncio.to_thread(sensor, loop, queue))
        print("main: got", await queue.get())


asyncio.run(main())
