import asyncio


async def check(name, report, problem=None):
    await report.wait()  # every check reads the same status report
    if problem:
        raise problem
    print(f"{name}: ok")


async def main():
    report = asyncio.Event()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(check("disk", report, OSError("disk is 95% full")))
            tg.create_task(check("config", report, ValueError("config: bad port")))
            tg.create_task(check("memory", report))
            tg.create_task(check("network", report, OSError("no route to host")))
            await asyncio.sleep(0.2)
            report.set()  # the report arrives: the four checks run at once
    except OSError as exc:  # never matches: the group raises an ExceptionGroup
        print(f"caught {exc}")
    print("main goes on")


asyncio.run(main())
