import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    users = asyncio.create_task(fetch("users", 0.2))
    posts = asyncio.create_task(fetch("posts", 0.1))
    # wait() hands back these same task objects, sorted into two sets.
    done, pending = await asyncio.wait({users, posts})
    print(f"{len(done)} done, {len(pending)} pending")
    print(f"users is in done: {users in done}; posts returned {posts.result()!r}")


asyncio.run(main())
