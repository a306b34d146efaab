import asyncio


async def fetch(limit, number):
    async with limit:  # waits while two other requests hold it
        await asyncio.sleep(1)  # a request to a server that allows two at a time
        print(f"page {number} fetched")


async def main():
    # One semaphore shared by every request: that is what makes it a limit.
    limit = asyncio.Semaphore(2)
    await asyncio.gather(*(fetch(limit, number) for number in range(1, 7)))
    print("6 pages fetched")


asyncio.run(main())
