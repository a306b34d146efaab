import asyncio


async def send_report():
    await asyncio.sleep(0.5)  # the mail server takes its time, then refuses
    raise ConnectionError("mail server unreachable")


async def main():
    # The reference is kept, but nobody waits for the task: main returns, and
    # asyncio.run cancels the report before it has failed or been sent.
    report = asyncio.create_task(send_report())
    print("main: doing its own work")
    await asyncio.sleep(0.2)
    print("main: own work done")
    if report.done():
        print("main: the report is done")


asyncio.run(main())
