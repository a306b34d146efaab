import asyncio


async def worker(queue):
    while True:
        job = await queue.get()
        await asyncio.sleep(0.5)  # the work
        print(f"{job} done")
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    consumer = asyncio.create_task(worker(queue))
    for job in ("resize", "crop", "upload"):
        queue.put_nowait(job)
    # The worker loops forever, waiting on get(): awaiting it never ends.
    await consumer
    print("queue drained")


asyncio.run(main())
