import asyncio


async def save(record):
    print(f"saving {record}...")
    await asyncio.sleep(0.5)
    print(f"saved {record}")


async def main():
    saving = asyncio.create_task(save("order-1"))  # a reference we keep
    try:
        async with asyncio.timeout(0.2):
            await asyncio.shield(saving)
    except TimeoutError:
        print("request timed out; the save goes on")
    await saving  # before returning, wait for the shielded work
    print("main returns")


asyncio.run(main())
