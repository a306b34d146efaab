import asyncio


async def send_report():
    await asyncio.sleep(0.5)  # the mail server takes its time, then refuses
    raise ConnectionError("mail server unreachable")


async def main():
    report = asyncio.create_task(send_report())
    print("main: doing its own work")
    await asyncio.sleep(0.2)
    print("main: own work done")
    # Waits for the report, and its exception is raised here, where main can handle it.
    try:
        await report
    except ConnectionError as error:
        print(f"main: the report failed: {error}")


asyncio.run(main())
