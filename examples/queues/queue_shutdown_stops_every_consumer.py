import asyncio


async def consumer(name, queue, seconds_per_item):
    while True:
        try:
            item = await queue.get()
        except asyncio.QueueShutDown:  # shut down, and nothing left to get
            print(f"{name} stops: the queue is shut down and empty")
            return
        print(f"{name} handles {item}")
        await asyncio.sleep(seconds_per_item)


async def main():
    queue = asyncio.Queue()
    for i in range(4):
        await queue.put(f"item-{i}")
    queue.shutdown()  # no more puts; get() drains what is left, then raises

    await asyncio.gather(
        consumer("a", queue, 0.1),
        consumer("b", queue, 0.15),
    )
    print("both consumers stopped")


asyncio.run(main())
