import asyncio


async def fetch(name, seconds):
    print(f"Fetching {name}...")
    await asyncio.sleep(seconds)  # the server takes this long to answer
    print(f"Got {name}!")
    return f"{name} data"


async def main():
    # gather wraps each coroutine in a task, so the three waits overlap; it returns the
    # results in the order of its arguments, whatever order they finish in.
    users, posts, comments = await asyncio.gather(
        fetch("users", 2),
        fetch("posts", 1),
        fetch("comments", 1.5),
    )
    print(f"Results: {[users, posts, comments]}")


asyncio.run(main())
