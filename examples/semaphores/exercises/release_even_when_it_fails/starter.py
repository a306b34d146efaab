import asyncio


async def fetch(limit, number):
    await limit.acquire()
    await asyncio.sleep(1)  # a request to a server that allows two at a time
    if number == 3:
        raise ConnectionError(f"page {number}: server error")
    print(f"page {number} fetched")
    limit.release()


async def main():
    limit = asyncio.Semaphore(2)
    results = await asyncio.gather(
        *(fetch(limit, number) for number in range(1, 7)), return_exceptions=True
    )
    for error in results:
        if error is not None:
            print(f"failed: {error}")
    print("5 of 6 pages fetched")


asyncio.run(main())
