import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    raise ConnectionError(f"{name} is unreachable")


async def sync_mirrors():  # a child task that runs a task group of its own
    async with asyncio.TaskGroup() as inner:
        inner.create_task(fetch("mirror-a", 0.2))
        inner.create_task(asyncio.sleep(1))  # mirror-b, cancelled at 0.2 s


def show(exc, depth=0):
    print("  " * depth + f"{type(exc).__name__}: {exc}")
    for sub in getattr(exc, "exceptions", ()):
        show(sub, depth + 1)


async def main():
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(sync_mirrors())
            outer.create_task(asyncio.sleep(1))  # another job, cancelled at 0.2 s
    except* ConnectionError as group:
        show(group)


asyncio.run(main())
