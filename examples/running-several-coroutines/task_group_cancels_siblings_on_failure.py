import asyncio


async def fetch_data(name, delay, fail=False):
    print(f"Fetching {name}...")
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    if fail:
        raise ConnectionError(f"{name} is unreachable")
    print(f"Got {name}!")
    return f"{name} data"


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fetch_data("users", 1))
            tg.create_task(fetch_data("posts", 0.5, fail=True))
            tg.create_task(fetch_data("comments", 1.5))
    except* ConnectionError as group:
        for exc in group.exceptions:
            print(f"TaskGroup raised: {exc}")

    print("main goes on; nothing is left running")
    await asyncio.sleep(1.5)


asyncio.run(main())
