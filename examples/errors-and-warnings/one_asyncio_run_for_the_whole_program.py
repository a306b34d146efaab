import asyncio


async def warm_up():
    await asyncio.sleep(0.1)
    print("warmed up")


async def fetch_answer():
    await asyncio.sleep(0.1)
    return 42


async def main():
    await warm_up()
    print(await fetch_answer())


asyncio.run(main())
