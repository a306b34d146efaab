import asyncio


async def countdown(n):
    while n > 0:
        yield n
        await asyncio.sleep(0.1)
        n -= 1


async def main():
    numbers = aiter(countdown(2))  # like iter(): calls __aiter__
    print(await anext(numbers))  # like next(): awaits __anext__
    print(await anext(numbers))
    print(await anext(numbers, "no more numbers"))  # a default instead of an error
    try:
        await anext(numbers)
    except StopAsyncIteration:
        print("StopAsyncIteration without a default")


asyncio.run(main())
