import asyncio


async def fetch_user(user_id):
    await asyncio.sleep(0.1)
    return {"id": user_id}


async def main():
    task = asyncio.create_task(fetch_user)  # the function, not a call to it
    print(await task)


asyncio.run(main())
