import asyncio


async def heartbeat():
    while True:
        print("beat")
        await asyncio.sleep(0.3)


async def main():
    asyncio.create_task(heartbeat())  # noqa: RUF006 (the loop's timer holds it)
    await asyncio.sleep(0.4)
    print("main is done")


# The old way to run a program: nothing cancels the tasks main leaves behind.
loop = asyncio.new_event_loop()
loop.run_until_complete(main())
loop.close()  # drops the heartbeat's timer, and with it the last reference to the task
