import asyncio


async def save_every_second():
    try:
        while True:
            await asyncio.sleep(1)
            print("saved")
    except Exception:
        # CancelledError is a BaseException: this never runs, and the file stays open.
        print("closing the file")


async def main():
    saver = asyncio.create_task(save_every_second())
    await asyncio.sleep(2.5)
    saver.cancel()
    await asyncio.wait([saver])
    print(f"saver cancelled: {saver.cancelled()}")


asyncio.run(main())
