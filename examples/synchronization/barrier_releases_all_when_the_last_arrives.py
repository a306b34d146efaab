import asyncio


async def player(name, loading_seconds, barrier):
    await asyncio.sleep(loading_seconds)  # load the level
    print(f"{name}: loaded, waiting for the others")
    await barrier.wait()
    print(f"{name}: playing")


async def main():
    barrier = asyncio.Barrier(3)  # new in Python 3.11
    async with asyncio.TaskGroup() as tg:
        tg.create_task(player("ann", 0.1, barrier))
        tg.create_task(player("ben", 0.3, barrier))
        tg.create_task(player("cy", 0.5, barrier))


asyncio.run(main())
