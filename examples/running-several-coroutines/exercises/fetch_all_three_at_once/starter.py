import asyncio


async def fetch(name, seconds):
    print(f"Fetching {name}...")
    await asyncio.sleep(seconds)  # the server takes this long to answer
    print(f"Got {name}!")
    return f"{name} data"


async def main():
    users = await fetch("users", 2)
    posts = await fetch("posts", 1)
    comments = await fetch("comments", 1.5)
    print(f"Results: {[users, posts, comments]}")


asyncio.run(main())
