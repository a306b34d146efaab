import asyncio


async def greet(name):  # a coroutine function
    print(f"Hello, {name}!")
    return name.upper()


async def main():
    coro = greet("Ada")  # a coroutine object: nothing has printed yet
    print(f"greet('Ada') gave a {type(coro).__name__} object")
    result = await coro  # now the body runs, up to its return
    print(f"await gave back {result!r}")
    try:
        await coro  # a coroutine object runs only once
    except RuntimeError as error:
        print(f"second await: RuntimeError: {error}")

    greet("Bob")  # forgot the await: the body never runs, Python warns
    print("main ends")


asyncio.run(main())
