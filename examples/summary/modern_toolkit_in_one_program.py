import asyncio
import time


def parse(page):
    time.sleep(0.1)  # a blocking library call, run in a thread below
    return page.upper()


async def fetch(name, delay, limit):
    async with limit:  # at most two downloads in flight
        print(f"start {name}")
        await asyncio.sleep(delay)
    return await asyncio.to_thread(parse, name)


async def main():
    limit = asyncio.Semaphore(2)
    jobs = {"home": 0.4, "about": 0.2, "blog": 0.6, "shop": 5}
    try:
        async with asyncio.timeout(1.5):  # the whole batch, not each fetch
            async with asyncio.TaskGroup() as group:
                tasks = {
                    name: group.create_task(fetch(name, delay, limit))
                    for name, delay in jobs.items()
                }
    except TimeoutError:
        print("gave up after 1.5 s; the TaskGroup cancelled what was left")
    for name, task in tasks.items():
        print(f"{name}: {'cancelled' if task.cancelled() else task.result()}")


asyncio.run(main())
