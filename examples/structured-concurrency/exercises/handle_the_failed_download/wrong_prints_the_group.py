import asyncio


async def download(name, seconds):
    await asyncio.sleep(seconds)  # the network, simulated
    if name.startswith("missing"):
        raise FileNotFoundError(name)
    print(f"{name} downloaded")


async def main():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(download("a.txt", 1))
            group.create_task(download("missing.txt", 0.5))
    except* FileNotFoundError as failed:
        # The group's own message, which does not name the file that was missing.
        print(f"not found: {failed}")
    print("done")


asyncio.run(main())
