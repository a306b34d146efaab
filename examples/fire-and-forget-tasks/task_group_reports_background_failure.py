import asyncio


async def send_report():
    await asyncio.sleep(0.2)
    raise ConnectionError("mail server unreachable")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(send_report())
            print("main: doing its own work")
            await asyncio.sleep(0.5)
            print("main: own work done")  # never printed: the failure cancels it
    except* ConnectionError as group:
        print(f"the report failed: {group.exceptions[0]}")


asyncio.run(main())
