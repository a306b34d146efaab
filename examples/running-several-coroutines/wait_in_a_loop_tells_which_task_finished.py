import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    if name == "posts":
        raise ConnectionError(f"{name} is unreachable")
    return f"{name} data"


async def main():
    # wait() hands back the task objects themselves, so a dict maps each to its input.
    names = {
        asyncio.create_task(fetch(name, delay)): name
        for name, delay in [("users", 2), ("posts", 1), ("comments", 1.5)]
    }
    pending = set(names)
    while pending:
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        for task in done:
            # A failed task counts as done too; wait() itself never raises its error.
            if task.exception() is not None:
                print(f"{names[task]} failed: {task.exception()}")
            else:
                print(f"{names[task]}: {task.result()}")


asyncio.run(main())
