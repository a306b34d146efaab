import asyncio


async def producer(queue):
    for i in range(5):
        if queue.full():
            print(f"producer: queue full, waiting to put item-{i}")
        await queue.put(f"item-{i}")  # waits while the queue holds maxsize items
        print(f"producer: put item-{i}")


async def consumer(queue):
    while True:
        item = await queue.get()
        try:
            print(f"consumer: got {item}")
            await asyncio.sleep(0.1)  # slower than the producer
        finally:
            queue.task_done()  # one task_done() for every get()


async def main():
    queue = asyncio.Queue(maxsize=2)
    worker = asyncio.create_task(consumer(queue))
    await producer(queue)
    await queue.join()
    worker.cancel()  # it waits in queue.get(): cancel it there
    await asyncio.gather(worker, return_exceptions=True)


asyncio.run(main())
