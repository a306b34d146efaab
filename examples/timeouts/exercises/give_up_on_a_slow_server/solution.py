import asyncio

CACHED_PRICE = 40  # the last price we got, for when the server is too slow


async def fetch_price():
    await asyncio.sleep(5)  # a server that has stopped answering quickly
    return 42


async def main():
    print("asking the server for the price")
    try:
        async with asyncio.timeout(1):
            price = await fetch_price()
    except TimeoutError:
        # At its deadline the block cancelled fetch_price() and raised TimeoutError.
        print("no answer within 1 s: using the cached price")
        price = CACHED_PRICE
    print(f"price: {price}")


asyncio.run(main())
