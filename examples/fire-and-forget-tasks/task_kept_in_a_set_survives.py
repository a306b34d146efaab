import asyncio
import gc

background_tasks = set()


def fire_and_forget(coro):
    task = asyncio.create_task(coro)
    background_tasks.add(task)  # a strong reference, for as long as it runs
    task.add_done_callback(background_tasks.discard)  # then let it go
    return task


async def wait_for_reply(name, reply):
    print(f"{name}: waiting")
    try:
        await reply
        print(f"{name}: got the reply")
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise


async def main():
    loop = asyncio.get_running_loop()
    fire_and_forget(wait_for_reply("timer", asyncio.sleep(0.5)))
    fire_and_forget(wait_for_reply("future", loop.create_future()))

    await asyncio.sleep(0.1)
    gc.collect()
    print(f"after the garbage collection: {len(background_tasks)} tasks kept")
    await asyncio.sleep(0.5)
    print(f"still running: {len(background_tasks)}")

    # Shutting down: cancel what is left, then wait until it has finished
    for task in background_tasks:
        task.cancel()
    await asyncio.gather(*background_tasks, return_exceptions=True)
    print(f"after shutdown: {len(background_tasks)} tasks left")


asyncio.run(main())
