import asyncio

CACHED_PRICE = 40  # the last price we got, for when the server is too slow


async def fetch_price():
    await asyncio.sleep(5)  # a server that has stopped answering quickly
    return 42


async def main():
    print("asking the server for the price")
    # The deadline works, but nothing handles TimeoutError: the program ends with it.
    price = await asyncio.wait_for(fetch_price(), timeout=1)
    print(f"price: {price}")


asyncio.run(main())
