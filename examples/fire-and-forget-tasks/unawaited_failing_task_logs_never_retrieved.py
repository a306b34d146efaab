import asyncio


async def send_report():
    await asyncio.sleep(0.2)
    raise ConnectionError("mail server unreachable")


async def main():
    task = asyncio.create_task(send_report())
    await asyncio.sleep(0.5)  # main's own work; it never awaits the task
    print(f"main is done; the report task is done too: {task.done()}")


asyncio.run(main())
