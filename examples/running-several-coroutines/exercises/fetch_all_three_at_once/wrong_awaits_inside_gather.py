import asyncio


async def fetch(name, seconds):
    print(f"Fetching {name}...")
    await asyncio.sleep(seconds)  # the server takes this long to answer
    print(f"Got {name}!")
    return f"{name} data"


async def main():
    # Each await runs before gather is even called: the fetches still go one by one,
    # and gather then gets three strings, which it refuses.
    users, posts, comments = await asyncio.gather(
        await fetch("users", 2),
        await fetch("posts", 1),
        await fetch("comments", 1.5),
    )
    print(f"Results: {[users, posts, comments]}")


asyncio.run(main())
