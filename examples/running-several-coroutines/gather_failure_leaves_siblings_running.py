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
        await asyncio.gather(
            fetch_data("users", 1),
            fetch_data("posts", 0.5, fail=True),
            fetch_data("comments", 1.5),
        )
    except ConnectionError as exc:
        print(f"gather raised: {exc}")

    print("main goes on; the other fetches were not cancelled")
    await asyncio.sleep(1.5)


asyncio.run(main())
