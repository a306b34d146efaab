import asyncio


async def fetch(number):
    await asyncio.sleep(1)  # a request to a server that allows two at a time
    print(f"page {number} fetched")


async def main():
    # Six requests at once: the server would refuse four of them.
    await asyncio.gather(*(fetch(number) for number in range(1, 7)))
    print("6 pages fetched")


asyncio.run(main())
