import asyncio


async def save_order(number):
    await asyncio.sleep(0.2)  # the database's round trip
    print(f"saved order {number}")


async def main():
    # gather() starts the saves, but without await main does not wait for them.
    asyncio.gather(*(save_order(number) for number in (1, 2, 3)))
    print("all orders saved")


asyncio.run(main())
