import asyncio


async def download(name, seconds):
    await asyncio.sleep(seconds)  # the network, simulated
    print(f"{name} downloaded")


async def main():
    async with asyncio.TaskGroup() as group:
        group.create_task(download("a.txt", 1))
        group.create_task(download("b.txt", 2))
        group.create_task(download("c.txt", 3))
        # Still inside the block: the tasks have not even started yet.
        print("all 3 downloaded")


asyncio.run(main())
