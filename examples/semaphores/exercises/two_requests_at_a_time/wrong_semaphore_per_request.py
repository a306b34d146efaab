import asyncio


async def fetch(number):
    # A new semaphore for each request limits nothing: no two requests share it.
    async with asyncio.Semaphore(2):
        await asyncio.sleep(1)  # a request to a server that allows two at a time
        print(f"page {number} fetched")


async def main():
    await asyncio.gather(*(fetch(number) for number in range(1, 7)))
    print("6 pages fetched")


asyncio.run(main())
