import asyncio


async def fetch(url, seconds):
    await asyncio.sleep(seconds)  # the server's answer
    print(f"{url} fetched")


async def main():
    fetches = [
        asyncio.create_task(fetch("/users", 0.2)),
        # The server behind /orders has stopped answering.
        asyncio.create_task(fetch("/orders", 60)),
        asyncio.create_task(fetch("/stock", 0.4)),
    ]
    _, pending = await asyncio.wait(fetches, timeout=1)
    for task in pending:
        # The coroutine's name is the function's: the same for every fetch.
        print(f"still pending after 1 s: {task.get_coro().__name__}")
        task.cancel()


asyncio.run(main())
