import asyncio


async def say_hello():
    print("Hello...")
    await asyncio.sleep(1)  # Non-blocking sleep
    print("...World!")


# Run the coroutine
asyncio.run(say_hello())
