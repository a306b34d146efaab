import asyncio


async def job(name, seconds):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise
    print(f"{name}: done")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            a = tg.create_task(job("a", 1))
            b = tg.create_task(job("b", 1))
            await asyncio.sleep(0.2)
            a.cancel()  # one child cancelled: the group does not mind
            await asyncio.sleep(0.2)
            print(f"body: b still running: {not b.done()}")
            raise ValueError("the body failed")  # this stops everything
    except* ValueError as group:
        print(f"caught: {group.exceptions}")


asyncio.run(main())
