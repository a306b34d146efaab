import asyncio

CACHED_PRICE = 40  # the last price we got, for when the server is too slow


async def fetch_price():
    await asyncio.sleep(5)  # a server that has stopped answering quickly
    return 42


async def main():
    print("asking the server for the price")
    try:
        # Seconds, not milliseconds: this waits far longer than the server takes.
        async with asyncio.timeout(1000):
            price = await fetch_price()
    except TimeoutError:
        print("no answer within 1 s: using the cached price")
        price = CACHED_PRICE
    print(f"price: {price}")


asyncio.run(main())
