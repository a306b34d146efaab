import asyncio


async def step(name, seconds):
    print(f"{name}: started")
    await asyncio.sleep(seconds)
    print(f"{name}: done")


async def main():
    # The user is waiting: the whole sync may take 1 s at most.
    try:
        # A fresh 1 s for each step: none of them is late, so the sync never is.
        async with asyncio.timeout(1):
            await step("log in", 0.4)
        async with asyncio.timeout(1):
            await step("download", 0.4)
        async with asyncio.timeout(1):
            await step("save", 0.4)
        print("sync complete")
    except TimeoutError:
        print("the sync took over 1 s: gave up")


asyncio.run(main())
