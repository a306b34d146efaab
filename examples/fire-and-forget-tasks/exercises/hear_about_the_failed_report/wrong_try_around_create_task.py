import asyncio


async def send_report():
    await asyncio.sleep(0.5)  # the mail server takes its time, then refuses
    raise ConnectionError("mail server unreachable")


async def main():
    # create_task only schedules the report: it would fail later, in its own task, far
    # from this try.
    try:
        report = asyncio.create_task(send_report())
    except ConnectionError as error:
        print(f"main: the report failed: {error}")
    print("main: doing its own work")
    await asyncio.sleep(0.2)
    print("main: own work done")
    print(f"main: report task done: {report.done()}")


asyncio.run(main())
