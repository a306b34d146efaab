import asyncio


async def fetch_data(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ConnectionError(f"{name} is unreachable")
    return f"{name} data"


async def main():
    # Each exception takes its coroutine's place in the list instead of being raised,
    # and gather waits for all three.
    results = await asyncio.gather(
        fetch_data("users", 1),
        fetch_data("posts", 0.5, fail=True),
        fetch_data("comments", 1.5),
        return_exceptions=True,
    )
    for result in results:
        if isinstance(result, BaseException):  # CancelledError is not an Exception
            print(f"failed: {result}")
        else:
            print(f"ok: {result}")


asyncio.run(main())
