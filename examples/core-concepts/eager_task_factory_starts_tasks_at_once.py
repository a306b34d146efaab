import asyncio

cache = {"users": "users data"}


async def fetch_data(name):
    print(f"Fetching {name}...")
    if name in cache:
        return cache[name]  # returns before its first await
    await asyncio.sleep(0.5)
    return f"{name} data"


async def start_two_fetches():
    users = asyncio.create_task(fetch_data("users"))
    print(f"users task done right after create_task: {users.done()}")
    posts = asyncio.create_task(fetch_data("posts"))
    print(f"posts task done right after create_task: {posts.done()}")
    print(f"Results: {[await users, await posts]}")


async def main():
    print("-- default task factory")
    await start_two_fetches()
    print("-- eager task factory")
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    await start_two_fetches()


asyncio.run(main())
