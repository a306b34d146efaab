import asyncio


async def fetch_data(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ConnectionError(f"{name} is unreachable")
    return f"{name} data"


async def main():
    results = await asyncio.gather(
        fetch_data("users", 1),
        fetch_data("posts", 0.5, fail=True),
        fetch_data("comments", 1.5),
    )
    for result in results:
        print(f"ok: {result}")


asyncio.run(main())
