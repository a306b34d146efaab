import asyncio


class QuietResource:
    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print(f"__aexit__ swallows {exc_type.__name__}")
        return True  # the bug: this also swallows CancelledError


async def main():
    try:
        async with asyncio.timeout(0.5):
            async with QuietResource():
                await asyncio.sleep(10)  # cancelled at 0.5 s...
            print("...but the block carries on past its deadline")
            await asyncio.sleep(0.5)
        print("no TimeoutError: the caller thinks everything finished in time")
    except TimeoutError:
        print("main caught TimeoutError")


asyncio.run(main())
