import asyncio


async def consumer(name, queue, seconds_per_item):
    while True:
        item = await queue.get()
        try:
            print(f"{name} handles {item}")
            await asyncio.sleep(seconds_per_item)
        finally:
            queue.task_done()  # one task_done() for every get()


async def main():
    queue = asyncio.Queue()
    for i in range(4):
        await queue.put(f"item-{i}")

    consumers = [
        asyncio.create_task(consumer("a", queue, 0.1)),
        asyncio.create_task(consumer("b", queue, 0.15)),
    ]
    await queue.join()  # returns once every item got its task_done()
    print("all items handled")

    for task in consumers:
        task.cancel()  # they wait in queue.get(): cancel them there
    await asyncio.gather(*consumers, return_exceptions=True)
    print("both consumers stopped")


asyncio.run(main())
