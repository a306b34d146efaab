import asyncio

CACHED_PRICE = 40  # the last price we got, for when the server is too slow


async def fetch_price():
    await asyncio.sleep(5)  # a server that has stopped answering quickly
    return 42


async def main():
    print("asking the server for the price")
    price = await fetch_price()
    print(f"price: {price}")


asyncio.run(main())
