import asyncio


async def save_order(number):
    await asyncio.sleep(0.2)  # the database's round trip
    print(f"saved order {number}")


async def main():
    for number in (1, 2, 3):
        save_order(number)
    print("all orders saved")


asyncio.run(main())
