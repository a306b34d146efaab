import asyncio


async def say_hello():
    print("Hello...")
    await asyncio.sleep(1)
    print("...World!")


async def main():
    print("main: starting")
    # Builds a coroutine object and drops it: none of say_hello's body runs.
    say_hello()
    print("main: done")


asyncio.run(main())
