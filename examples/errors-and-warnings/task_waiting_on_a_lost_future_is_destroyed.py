import asyncio
import gc


async def wait_for_reply():
    print("waiting for a reply")
    # Nothing but this coroutine can reach the future, so nothing will ever set it.
    await asyncio.get_running_loop().create_future()


async def main():
    asyncio.create_task(wait_for_reply())  # noqa: RUF006 (the task is kept nowhere)
    await asyncio.sleep(0.1)
    gc.collect()  # any later allocation could trigger the same collection
    print("after the garbage collection")


asyncio.run(main())
