import asyncio


async def worker(queue):
    while True:
        job = await queue.get()
        await asyncio.sleep(0.5)  # the work
        print(f"{job} done")


async def main():
    queue = asyncio.Queue()
    consumer = asyncio.create_task(worker(queue))
    for job in ("resize", "crop", "upload"):
        queue.put_nowait(job)
    # Waits until every job put in the queue has been marked done.
    await queue.join()
    consumer.cancel()
    print("queue drained")


asyncio.run(main())
