import asyncio


async def fetch_data(name, delay):
    await asyncio.sleep(delay)
    return f"{name} data"


async def main():
    coros = [
        fetch_data("users", 2),
        fetch_data("posts", 1),
        fetch_data("comments", 1.5),
    ]
    # Each item is an awaitable for the next result to arrive
    for next_done in asyncio.as_completed(coros):
        result = await next_done
        print(f"Handled {result}")


asyncio.run(main())
