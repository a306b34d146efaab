import asyncio


async def save_order(number):
    await asyncio.sleep(0.2)  # the database's round trip
    print(f"saved order {number}")


async def main():
    for number in (1, 2, 3):
        # No warning any more, but main returns first, and asyncio.run cancels the tasks
        # before any of them has saved its order.
        asyncio.create_task(save_order(number))  # noqa: RUF006 (the mistake)
    print("all orders saved")


asyncio.run(main())
