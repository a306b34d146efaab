import asyncio
from contextlib import asynccontextmanager


@asynccontextmanager
async def connection(name):
    print(f"connecting to {name}")
    await asyncio.sleep(0.1)
    try:
        yield f"<{name} connection>"  # the value `as` binds
    finally:  # without try/finally, an error in the body would skip this
        await asyncio.sleep(0.1)
        print(f"disconnected from {name}")


async def main():
    async with connection("db") as conn:
        print(f"querying over {conn}")

    try:
        async with connection("cache") as conn:
            raise ConnectionResetError("the server went away")
    except ConnectionResetError as error:
        print(f"main caught: {error}")


asyncio.run(main())
