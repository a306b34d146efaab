import asyncio


async def fetch_data(name, delay):
    print(f"Fetching {name}...")
    await asyncio.sleep(delay)
    print(f"Got {name}!")
    return f"{name} data"


async def main():
    # Run concurrently with gather
    results = await asyncio.gather(
        fetch_data("users", 2),
        fetch_data("posts", 1),
        fetch_data("comments", 1.5),
    )
    print(f"Results: {results}")


asyncio.run(main())
