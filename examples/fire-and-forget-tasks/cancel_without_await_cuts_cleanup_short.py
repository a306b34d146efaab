import asyncio


async def background_job():
    try:
        while True:
            print("Working...")
            await asyncio.sleep(0.5)
    finally:
        print("Cleaning up...")
        await asyncio.sleep(0.3)  # say, flushing a buffer to a server
        print("Cleanup done")


async def main():
    task = asyncio.create_task(background_job())
    await asyncio.sleep(1.2)

    task.cancel()
    print(f"right after cancel(): done={task.done()}")
    # main returns here, like the article's version: nobody awaits the task


asyncio.run(main())
