import asyncio


class Connection:
    async def __aenter__(self):
        print("connection opened")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print(f"__aexit__ got {exc_type.__name__}")  # not TimeoutError yet
        await asyncio.sleep(0.1)  # cleanup may still await
        print("connection closed")


async def main():
    try:
        async with asyncio.timeout(0.5):
            async with Connection():
                print("working...")
                await asyncio.sleep(10)  # cancelled at 0.5 s
                print("never printed")
    except TimeoutError:
        print("main caught TimeoutError")


asyncio.run(main())
