import asyncio


async def step(name, seconds):
    await asyncio.sleep(seconds)
    print(f"{name} done")


async def main():
    same = asyncio.TimeoutError is TimeoutError
    print(f"asyncio.TimeoutError is TimeoutError: {same}")
    try:
        async with asyncio.timeout(2.0):  # one deadline for the whole block
            await step("connect", 0.5)
            await step("query", 1.0)
            await step("download", 10)  # cancelled 0.5 s in
            print("never printed")
    except TimeoutError:  # raised by the block's exit, so catch it outside
        print("Operation timed out!")


asyncio.run(main())
