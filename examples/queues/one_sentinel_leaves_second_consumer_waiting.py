import asyncio


async def consumer(name, queue, seconds_per_item):
    while True:
        item = await queue.get()
        if item is None:  # the article's sentinel
            print(f"{name} got None and stops")
            return
        print(f"{name} handles {item}")
        await asyncio.sleep(seconds_per_item)


async def main():
    queue = asyncio.Queue()
    for i in range(4):
        await queue.put(f"item-{i}")
    await queue.put(None)  # one sentinel, two consumers

    try:
        async with asyncio.timeout(0.5):  # without it, the program never ends
            await asyncio.gather(
                consumer("a", queue, 0.1),
                consumer("b", queue, 0.15),
            )
    except TimeoutError:
        print("after 0.5 s, b is still waiting for an item that never comes")


asyncio.run(main())
