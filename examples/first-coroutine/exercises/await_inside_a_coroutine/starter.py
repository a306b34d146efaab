import asyncio


async def say_hello():
    print("Hello...")
    await asyncio.sleep(1)
    print("...World!")


async def main():
    print("main: starting")
    asyncio.run(say_hello())
    print("main: done")


asyncio.run(main())
