import asyncio


async def save_every_second():
    try:
        while True:
            await asyncio.sleep(1)
            print("saved")
    except asyncio.CancelledError:
        print("closing the file")
        # Cleaning up is fine; the cancellation must go on, or the task ends "done" and
        # whoever cancelled it (a timeout, a task group) believes it was not cancelled.
        raise


async def main():
    saver = asyncio.create_task(save_every_second())
    await asyncio.sleep(2.5)
    saver.cancel()
    # Waits for the task to end, however it ends, without raising its exception here.
    await asyncio.wait([saver])
    print(f"saver cancelled: {saver.cancelled()}")


asyncio.run(main())
