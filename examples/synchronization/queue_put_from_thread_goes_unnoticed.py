import asyncio
import time


def sensor(queue):
    time.sleep(0.2)
    print("thread: putting reading 1")
    queue.put_nowait("reading 1")  # wrong: asyncio.Queue is not thread-safe
    time.sleep(0.8)  # the thread goes on with other work
    print("thread: done")


async def main():
    queue = asyncio.Queue()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(asyncio.to_thread(sensor, queue))
        print("main: got", await queue.get())


asyncio.run(main())
