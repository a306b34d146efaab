import asyncio


async def save_order(order_id):
    await asyncio.sleep(0.1)
    print(f"saved order {order_id}")


async def main():
    await save_order(42)
    print("main is done")


asyncio.run(main())
