import asyncio


async def fetch(url, seconds):
    await asyncio.sleep(seconds)  # the server's answer
    print(f"{url} fetched")


async def main():
    # A task's name is what every report of it shows; without one it is "Task-<n>".
    fetches = [
        asyncio.create_task(fetch("/users", 0.2), name="fetch /users"),
        asyncio.create_task(fetch("/orders", 60), name="fetch /orders"),
        asyncio.create_task(fetch("/stock", 0.4), name="fetch /stock"),
    ]
    _, pending = await asyncio.wait(fetches, timeout=1)
    for task in pending:
        print(f"still pending after 1 s: {task.get_name()}")
        task.cancel()


asyncio.run(main())
