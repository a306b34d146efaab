import asyncio


async def fetch(limit, number):
    async with limit:
        await asyncio.sleep(1)  # a request to a server that allows two at a time
        print(f"page {number} fetched")


async def main():
    # A lock lets one request through at a time, not two: twice as slow as allowed.
    limit = asyncio.Lock()
    await asyncio.gather(*(fetch(limit, number) for number in range(1, 7)))
    print("6 pages fetched")


asyncio.run(main())
