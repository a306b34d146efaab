import asyncio


async def fetch(name, seconds):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"  {name}: cancelled")
        raise
    print(f"  {name}: done")


async def with_gather():
    await asyncio.gather(fetch("users", 0.1), fetch("posts", 1))


async def with_task_group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fetch("users", 0.1))
        tg.create_task(fetch("posts", 1))


async def main():
    for batch in (with_gather, with_task_group):
        print(f"{batch.__name__}:")
        task = asyncio.create_task(batch())
        await asyncio.sleep(0.3)
        task.cancel()  # cancel the task that awaits the batch
        await asyncio.wait([task])  # wait for it to end, without raising
        print(f"  the batch was cancelled: {task.cancelled()}")


asyncio.run(main())
