import asyncio


async def countdown(n):
    while n > 0:
        yield n
        await asyncio.sleep(0.5)
        n -= 1


async def main():
    async for num in countdown(5):
        print(num)


asyncio.run(main())
