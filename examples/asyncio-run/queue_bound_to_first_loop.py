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


asyncio.run(one_round("job 1"))  # first loop: fine
try:
    asyncio.run(one_round("job 2"))  # a second, new loop: same queue
except RuntimeError as error:
    # The message starts with the queue's repr (a memory address); print the rest.
    print("RuntimeError: ...", str(error).rpartition("> ")[2])
