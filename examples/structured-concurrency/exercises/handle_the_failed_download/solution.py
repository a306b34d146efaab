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
    # A task group raises its tasks' errors together, in an ExceptionGroup; except*
    # matches the FileNotFoundErrors inside it, however many there are.
    except* FileNotFoundError as failed:
        for error in failed.exceptions:
            print(f"not found: {error}")
    print("done")


asyncio.run(main())
