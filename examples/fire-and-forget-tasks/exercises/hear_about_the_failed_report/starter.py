import asyncio


async def send_report():
    await asyncio.sleep(0.5)  # the mail server takes its time, then refuses
    raise ConnectionError("mail server unreachable")


async def main():
    asyncio.create_task(send_report())  # noqa: RUF006
    print("main: doing its own work")
    await asyncio.sleep(0.2)
    print("main: own work done")


asyncio.run(main())
