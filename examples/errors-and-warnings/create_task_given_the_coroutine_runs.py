import asyncio


async def fetch_user(user_id):
    await asyncio.sleep(0.1)
    return {"id": user_id}


async def main():
    task = asyncio.create_task(fetch_user(1))  # calling it makes the coroutine
    print(await task)


asyncio.run(main())
