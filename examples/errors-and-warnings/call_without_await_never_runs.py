import asyncio


async def save_order(order_id):
    await asyncio.sleep(0.1)
    print(f"saved order {order_id}")


async def main():
    save_order(42)  # creates a coroutine object and drops it: nothing runs
    await asyncio.sleep(0.2)
    print("main is done")


asyncio.run(main())
