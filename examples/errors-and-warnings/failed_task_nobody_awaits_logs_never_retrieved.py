import asyncio


async def send_report():
    await asyncio.sleep(0.1)
    raise ConnectionError("mail server unreachable")


async def main():
    task = asyncio.create_task(send_report())
    await asyncio.sleep(0.2)
    print(f"the task is done: {task.done()}, and main goes on")


# The error surfaces only when the task is garbage-collected, here at exit.
asyncio.run(main())
