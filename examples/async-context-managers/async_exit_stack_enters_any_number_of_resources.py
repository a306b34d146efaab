import asyncio
from contextlib import AsyncExitStack, asynccontextmanager


@asynccontextmanager
async def connection(name):
    await asyncio.sleep(0.1)
    if name == "broken":
        raise ConnectionRefusedError(f"{name} refused")
    print(f"open {name}")
    try:
        yield name
    finally:
        print(f"close {name}")


async def open_all(names):
    async with AsyncExitStack() as stack:
        conns = [await stack.enter_async_context(connection(n)) for n in names]
        print(f"working with {conns}")
    # Leaving the block closes every connection the stack entered, newest first.


async def main():
    await open_all(["db", "cache", "queue"])  # a list known only at run time
    try:
        await open_all(["db", "cache", "broken"])
    except ConnectionRefusedError as error:
        print(f"main caught: {error}")


asyncio.run(main())
