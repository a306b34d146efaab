import asyncio


async def fetch(name, seconds):
    await asyncio.sleep(seconds)
    raise ConnectionError(f"{name} is unreachable")


async def poll_status():
    for attempt in range(1, 4):
        try:
            await asyncio.sleep(0.4)  # one status request
            print(f"poll {attempt}: ok")
        except:  # noqa: E722 (the bug: a bare except catches CancelledError too)
            print(f"poll {attempt}: failed, retrying")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fetch("users", 0.2))
            tg.create_task(poll_status())
    except* ConnectionError as group:
        print(f"group raised: {group.exceptions[0]}")


asyncio.run(main())
