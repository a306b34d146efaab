import asyncio
import gc


async def wait_for_reply(name, reply):
    print(f"{name}: waiting")
    await reply
    print(f"{name}: got the reply")


async def main():
    loop = asyncio.get_running_loop()
    # Both tasks are dropped at once (the lesson; ruff's RUF006 flags it).
    # The sleeping one survives anyway: the loop's timer refers to it.
    asyncio.create_task(wait_for_reply("timer", asyncio.sleep(0.5)))  # noqa: RUF006
    # This one waits on a future that only the task itself can reach.
    asyncio.create_task(wait_for_reply("future", loop.create_future()))  # noqa: RUF006

    await asyncio.sleep(0.1)
    gc.collect()  # a collection can happen at any allocation; force one now
    print("after the garbage collection")
    await asyncio.sleep(0.5)


asyncio.run(main())
