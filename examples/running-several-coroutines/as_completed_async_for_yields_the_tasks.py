import asyncio


async def fetch_data(name, delay):
    await asyncio.sleep(delay)
    return f"{name} data"


async def main():
    tasks = {
        asyncio.create_task(fetch_data(name, delay)): name
        for name, delay in [("users", 2), ("posts", 1), ("comments", 1.5)]
    }
    # Since 3.13, async for hands back the very tasks passed in, as they finish.
    async for task in asyncio.as_completed(tasks):
        print(f"{tasks[task]} finished: {task.result()}")


asyncio.run(main())
