import asyncio


async def say_hello():
    print("Hello...")
    await asyncio.sleep(1)
    print("...World!")


async def main():
    print("main: starting")
    # main already runs on the loop that asyncio.run started: await runs the coroutine
    # on that same loop, and main goes on once it has returned.
    await say_hello()
    print("main: done")


asyncio.run(main())
