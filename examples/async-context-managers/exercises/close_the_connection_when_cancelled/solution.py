import asyncio
from contextlib import asynccontextmanager


@asynccontextmanager
async def connection(name):
    print(f"{name}: connected")
    # The timeout's CancelledError is thrown in at the yield: only a finally runs then.
    try:
        yield name
    finally:
        await asyncio.sleep(0.1)  # closing takes a round trip to the server
        print(f"{name}: disconnected")


async def main():
    try:
        async with asyncio.timeout(0.5):
            async with connection("db") as db:
                print(f"querying {db}")
                await asyncio.sleep(1)  # a query that takes too long
                print("query done")
    except TimeoutError:
        print("main: gave up on the query")


asyncio.run(main())
