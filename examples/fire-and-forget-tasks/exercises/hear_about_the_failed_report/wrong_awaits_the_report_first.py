import asyncio


async def send_report():
    await asyncio.sleep(0.5)  # the mail server takes its time, then refuses
    raise ConnectionError("mail server unreachable")


async def main():
    # Awaited at once, the report is no longer in the background: main's own work
    # waits until the mail server has refused.
    try:
        await asyncio.create_task(send_report())
    except ConnectionError as error:
        print(f"main: the report failed: {error}")
    print("main: doing its own work")
    await asyncio.sleep(0.2)
    print("main: own work done")


asyncio.run(main())
