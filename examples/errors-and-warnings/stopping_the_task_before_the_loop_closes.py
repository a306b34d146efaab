import asyncio


async def heartbeat():
    try:
        while True:
            print("beat")
            await asyncio.sleep(0.3)
    finally:
        print("heartbeat stopped")


async def main():
    task = asyncio.create_task(heartbeat())
    await asyncio.sleep(0.4)
    task.cancel()
    # Awaiting it lets its cleanup run while the loop is still open.
    await asyncio.gather(task, return_exceptions=True)
    print("main is done")


asyncio.run(main())
