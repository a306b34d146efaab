import asyncio
import time


async def download(name, seconds):
    time.sleep(seconds)  # noqa: ASYNC251 (the wrong answer: it blocks the loop)
    print(f"{name} downloaded")


async def main():
    async with asyncio.TaskGroup() as group:
        group.create_task(download("a.txt", 1))
        group.create_task(download("b.txt", 2))
        group.create_task(download("c.txt", 3))
    print("all 3 downloaded")


asyncio.run(main())
