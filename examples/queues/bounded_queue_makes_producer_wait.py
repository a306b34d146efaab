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
        print(f"consumer: got {item}")
        await asyncio.sleep(0.1)  # slower than the producer
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=2)
    worker = asyncio.create_task(consumer(queue))
    await producer(queue)
    await queue.join()
    worker.cancel()


asyncio.run(main())
