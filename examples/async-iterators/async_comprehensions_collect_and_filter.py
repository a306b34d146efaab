import asyncio


async def countdown(n):
    while n > 0:
        yield n
        await asyncio.sleep(0.1)
        n -= 1


async def double(n):
    await asyncio.sleep(0.1)
    return n * 2


async def main():
    # `async for` inside a comprehension: collect what the generator yields.
    print([n async for n in countdown(5)])
    # ...with a filter, into a set or a dict, like any comprehension.
    print({n: n * n async for n in countdown(5) if n % 2})
    # `await` inside an ordinary comprehension: one call after another.
    print([await double(n) for n in range(3)])


asyncio.run(main())
