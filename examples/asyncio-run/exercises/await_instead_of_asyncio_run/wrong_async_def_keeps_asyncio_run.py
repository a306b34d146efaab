import asyncio

RATES = {"EUR": 1.08, "GBP": 1.27}


async def fetch_rate(currency):
    await asyncio.sleep(0.5)  # the exchange's API
    return RATES[currency]


async def to_dollars(amount, currency):
    # Now a coroutine, but still starting a second loop inside the running one.
    rate = asyncio.run(fetch_rate(currency))
    return round(amount * rate, 2)


async def main():
    print(f"100 EUR is {await to_dollars(100, 'EUR')} USD")
    print(f"100 GBP is {await to_dollars(100, 'GBP')} USD")


asyncio.run(main())
