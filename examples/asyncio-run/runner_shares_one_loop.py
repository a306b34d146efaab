import asyncio

jobs = asyncio.Queue()  # created once, at import time, outside any loop


async def worker():
    job = await jobs.get()  # has to wait: the queue binds to the running loop
    print(f"worker got {job}")


async def one_round(job):
    task = asyncio.create_task(worker())
    await asyncio.sleep(0.1)  # let the worker start waiting
    await jobs.put(job)
    await task


def main():  # ordinary synchronous code calling async code
    with asyncio.Runner() as runner:
        runner.run(one_round("job 1"))
        runner.run(one_round("job 2"))  # same loop as the first call
    print("runner closed its loop")


main()
