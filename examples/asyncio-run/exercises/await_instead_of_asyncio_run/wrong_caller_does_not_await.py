import asyncio

RATES = {"EUR": 1.08, "GBP": 1.27}


async def fetch_rate(currency):
    await asyncio.sleep(0.5)  # the exchange's API
    return RATES[currency]


async def to_dollars(amount, currency):
    rate = await fetch_rate(currency)
    return round(amount * rate, 2)


async def main():
    # Calling a coroutine function only makes a coroutine object: printed, not run.
    print(f"100 EUR is {to_dollars(100, 'EUR')} USD")
    print(f"100 GBP is {to_dollars(100, 'GBP')} USD")


asyncio.run(main())
