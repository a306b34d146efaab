import asyncio


async def save_order(order_id):
    await asyncio.sleep(0.1)  # stands in for a database write
    print(f"order {order_id} saved")


def checkout(order_id):
    save_order(order_id)  # the missing await is the lesson
    print(f"order {order_id}: checkout returned")


async def main():
    checkout(7)
    await asyncio.sleep(0.2)
    print("order 7 was never saved")


asyncio.run(main(), debug=True)
