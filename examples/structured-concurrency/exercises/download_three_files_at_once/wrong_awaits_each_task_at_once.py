import asyncio


async def download(name, seconds):
    await asyncio.sleep(seconds)  # the network, simulated
    print(f"{name} downloaded")


async def main():
    # A task awaited as soon as it is made is a plain await with extra steps.
    await asyncio.create_task(download("a.txt", 1))
    await asyncio.create_task(download("b.txt", 2))
    await asyncio.create_task(download("c.txt", 3))
    print("all 3 downloaded")


asyncio.run(main())
