import asyncio


async def send_report():
    await asyncio.sleep(0.1)
    raise ConnectionError("mail server unreachable")


async def main():
    task = asyncio.create_task(send_report())
    await asyncio.sleep(0.2)
    try:
        await task  # re-raises the exception the task stored
    except ConnectionError as error:
        print(f"the report failed: {error}")


asyncio.run(main())
