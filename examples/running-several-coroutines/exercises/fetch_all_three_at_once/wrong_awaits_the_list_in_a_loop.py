import asyncio


async def fetch(name, seconds):
    print(f"Fetching {name}...")
    await asyncio.sleep(seconds)  # the server takes this long to answer
    print(f"Got {name}!")
    return f"{name} data"


async def main():
    coros = [fetch("users", 2), fetch("posts", 1), fetch("comments", 1.5)]
    results = []
    # Still one await after another: each coroutine only starts when its turn comes.
    for coro in coros:
        results.append(await coro)
    print(f"Results: {results}")


asyncio.run(main())
