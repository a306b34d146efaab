import asyncio


async def save(record):
    print(f"saving {record}...")
    await asyncio.sleep(0.5)
    print(f"saved {record}")


async def handle_request():
    await asyncio.shield(save("order-1"))  # nothing keeps the shielded task


async def main():
    try:
        async with asyncio.timeout(0.2):
            await handle_request()
    except TimeoutError:
        print("request timed out; main returns")


asyncio.run(main())
