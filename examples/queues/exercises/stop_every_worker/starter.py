import asyncio


async def worker(name, queue):
    while True:
        job = await queue.get()
        if job is None:  # the sign to stop
            print(f"{name} stopped")
            return
        await asyncio.sleep(0.5)  # the work
        print(f"{name} did {job}")


async def main():
    queue = asyncio.Queue()
    workers = [asyncio.create_task(worker(f"worker {n}", queue)) for n in (1, 2, 3)]
    for job in ("resize", "crop", "upload"):
        queue.put_nowait(job)
    queue.put_nowait(None)  # no more jobs
    await asyncio.gather(*workers)
    print("all workers stopped")


asyncio.run(main())
