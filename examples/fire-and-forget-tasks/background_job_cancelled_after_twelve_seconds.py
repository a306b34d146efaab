import asyncio


async def background_job():
    while True:
        print("Working...")
        await asyncio.sleep(5)


async def main():
    # Create a task that runs in background
    task = asyncio.create_task(background_job())

    # Do other work
    await asyncio.sleep(12)

    # Cancel when done
    task.cancel()


asyncio.run(main())
