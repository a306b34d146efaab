import asyncio


async def step(name, seconds):
    print(f"{name}: started")
    await asyncio.sleep(seconds)
    print(f"{name}: done")


async def main():
    # The user is waiting: the whole sync may take 1 s at most.
    try:
        await asyncio.wait_for(step("log in", 0.4), timeout=1)
        await asyncio.wait_for(step("download", 0.4), timeout=1)
        await asyncio.wait_for(step("save", 0.4), timeout=1)
        print("sync complete")
    except TimeoutError:
        print("the sync took over 1 s: gave up")


asyncio.run(main())
