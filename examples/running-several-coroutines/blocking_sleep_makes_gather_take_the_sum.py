import asyncio
import time


async def fetch_data(name, delay):
    print(f"Fetching {name}...")
    time.sleep(delay)  # noqa: ASYNC251 (the blocking call is the lesson)
    print(f"Got {name}!")
    return f"{name} data"


async def main():
    # Same program as the article's, with time.sleep in place of asyncio.sleep
    results = await asyncio.gather(
        fetch_data("users", 2),
        fetch_data("posts", 1),
        fetch_data("comments", 1.5),
    )
    print(f"Results: {results}")


asyncio.run(main())
