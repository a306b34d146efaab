import asyncio


class AsyncResource:
    async def __aenter__(self):
        print("Acquiring resource...")
        await asyncio.sleep(0.1)
        return self

    async def __aexit__(self, *args):
        print("Releasing resource...")
        await asyncio.sleep(0.1)


async def main():
    async with AsyncResource() as resource:  # noqa: F841 (the article never uses it)
        print("Using resource")


asyncio.run(main())
