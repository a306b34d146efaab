import asyncio


async def download(mirror, seconds, finished):
    await asyncio.sleep(seconds)
    finished.set()
    return f"file from {mirror}"


async def main():
    mirrors = {"mirror-a": 0.6, "mirror-b": 0.2, "mirror-c": 1.0}
    finished = asyncio.Event()
    async with asyncio.TaskGroup() as tg:
        tasks = {
            mirror: tg.create_task(download(mirror, seconds, finished))
            for mirror, seconds in mirrors.items()
        }
        await finished.wait()
        print("one download finished: stopping the others")
        tg.cancel()  # Python 3.15+: cancels the children; the block raises nothing
    for mirror, task in tasks.items():
        print(f"{mirror}: {'cancelled' if task.cancelled() else task.result()}")


asyncio.run(main())
