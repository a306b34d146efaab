import asyncio


async def poll(attempt):
    await asyncio.sleep(0.4)  # asking the server for its status
    if attempt == 2:
        raise ConnectionError("server busy")
    return "ok"


async def poll_status():
    for attempt in range(1, 6):
        try:
            print(f"poll {attempt}: {await poll(attempt)}")
        except asyncio.CancelledError:
            # The loop stops, but the cancellation stops here too: poll_status returns
            # normally and the timeout block has no CancelledError to turn into
            # TimeoutError.
            break
        except Exception:
            print(f"poll {attempt}: failed, retrying")


async def main():
    try:
        async with asyncio.timeout(1):
            await poll_status()
        print("all polls done")
    except TimeoutError:
        print("1 s is up: stopped polling")


asyncio.run(main())
