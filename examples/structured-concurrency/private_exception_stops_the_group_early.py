import asyncio


class StopGroup(Exception):
    """Raised on purpose to stop the task group; never a real error."""


async def stop_the_group():
    raise StopGroup


async def download(mirror, seconds, finished):
    await asyncio.sleep(seconds)
    finished.set()
    return f"file from {mirror}"


async def main():
    mirrors = {"mirror-a": 0.6, "mirror-b": 0.2, "mirror-c": 1.0}
    finished = asyncio.Event()
    try:
        async with asyncio.TaskGroup() as tg:
            tasks = {
                mirror: tg.create_task(download(mirror, seconds, finished))
                for mirror, seconds in mirrors.items()
            }
            await finished.wait()
            print("one download finished: stopping the others")
            tg.create_task(stop_the_group())
    except* StopGroup:
        pass  # our own signal; any other error still propagates
    for mirror, task in tasks.items():
        print(f"{mirror}: {'cancelled' if task.cancelled() else task.result()}")


asyncio.run(main())
