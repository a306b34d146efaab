import asyncio


async def step(name, seconds):
    print(f"{name}: started")
    await asyncio.sleep(seconds)
    print(f"{name}: done")


async def main():
    # The user is waiting: the whole sync may take 1 s at most.
    async with asyncio.timeout(1):
        try:
            await step("log in", 0.4)
            await step("download", 0.4)
            await step("save", 0.4)
            print("sync complete")
        # Inside the block, the deadline arrives as CancelledError; the block turns it
        # into TimeoutError only on the way out, past this handler.
        except TimeoutError:
            print("the sync took over 1 s: gave up")


asyncio.run(main())
