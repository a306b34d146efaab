import asyncio


async def stop(helper):
    """Cancel a helper task and wait for it; re-raise if we are cancelled."""
    helper.cancel()
    try:
        await helper
    except asyncio.CancelledError:
        if asyncio.current_task().cancelling():
            raise  # a cancel request is pending against us: let it through


async def worker():
    try:
        await asyncio.sleep(1)  # a job the supervisor gives up on at 0.2 s
    except asyncio.CancelledError:
        print("worker: job abandoned, carrying on")  # the bug: no uncancel()
    print(f"worker: cancelling() = {asyncio.current_task().cancelling()}")
    heartbeat = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0.2)
    await stop(heartbeat)
    print("worker: finished")


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(0.2)
    task.cancel()
    await asyncio.wait([task])
    print(f"worker cancelled: {task.cancelled()}")


asyncio.run(main())
