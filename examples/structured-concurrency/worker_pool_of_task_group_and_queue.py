import asyncio


async def worker(name, queue):
    while True:
        job, seconds = await queue.get()
        try:
            if seconds is None:
                raise ValueError(f"{job} is malformed")
            await asyncio.sleep(seconds)
            print(f"{name}: {job} done")
        finally:
            queue.task_done()


async def run_pool(jobs, size=2):
    queue = asyncio.Queue()
    for job in jobs:
        queue.put_nowait(job)
    async with asyncio.TaskGroup() as tg:
        workers = [
            tg.create_task(worker(f"worker-{n}", queue)) for n in range(1, size + 1)
        ]
        await queue.join()  # every job handled...
        for task in workers:
            task.cancel()  # ...so stop the workers; cancelled is not failed


async def main():
    await run_pool([("job-1", 0.5), ("job-2", 0.2), ("job-3", 0.2), ("job-4", 0.3)])
    print("all jobs done, no worker left running")
    try:
        await run_pool([("job-5", 0.3), ("job-6", 0.1), ("job-7", None)])
    except* ValueError as group:
        print(f"pool stopped: {group.exceptions[0]}")


asyncio.run(main())
