import asyncio


async def save_every_second():
    try:
        while True:
            await asyncio.sleep(1)
            print("saved")
    except asyncio.CancelledError:
        print("closing the file")
        raise


async def main():
    saver = asyncio.create_task(save_every_second())
    await asyncio.sleep(2.5)
    # cancel() only asks: the task has not run its except block yet when this prints.
    saver.cancel()
    print(f"saver cancelled: {saver.cancelled()}")


asyncio.run(main())
