import asyncio


async def fetch(url, seconds):
    await asyncio.sleep(seconds)  # the server's answer
    print(f"{url} fetched")


async def main():
    fetches = []
    for url, seconds in (("/users", 0.2), ("/orders", 60), ("/stock", 0.4)):
        fetches.append(asyncio.create_task(fetch(url, seconds)))
        # current_task() is main's own task, not the one just created.
        asyncio.current_task().set_name(f"fetch {url}")
    _, pending = await asyncio.wait(fetches, timeout=1)
    for task in pending:
        print(f"still pending after 1 s: {task.get_name()}")
        task.cancel()


asyncio.run(main())
