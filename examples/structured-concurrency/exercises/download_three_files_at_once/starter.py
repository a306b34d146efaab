import asyncio


async def download(name, seconds):
    await asyncio.sleep(seconds)  # the network, simulated
    print(f"{name} downloaded")


async def main():
    # Each download starts only when the one before it has finished.
    await download("a.txt", 1)
    await download("b.txt", 2)
    await download("c.txt", 3)
    print("all 3 downloaded")


asyncio.run(main())
