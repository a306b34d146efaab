import asyncio


async def fetch_data(name, delay, fail=False):
    print(f"Fetching {name}...")
    await asyncio.sleep(delay)
    if fail:
        raise ConnectionError(f"{name} is unreachable")
    print(f"Got {name}!")
    return f"{name} data"


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            users = tg.create_task(fetch_data("users", 1))
            tg.create_task(fetch_data("posts", 0.5, fail=True))
            comments = tg.create_task(fetch_data("comments", 1.5))
    except* ConnectionError as group:
        for exc in group.exceptions:
            print(f"TaskGroup raised: {exc}")

    print(f"users cancelled: {users.cancelled()}")
    print(f"comments cancelled: {comments.cancelled()}")
    print("main goes on; nothing is left running")
    await asyncio.sleep(1.5)


asyncio.run(main())
