import asyncio
import gc

background_tasks = set()


async def wait_for_reply():
    print("waiting for a reply")
    await asyncio.get_running_loop().create_future()


async def main():
    task = asyncio.create_task(wait_for_reply())
    # A strong reference keeps the task alive; the callback forgets it once it ends.
    background_tasks.add(task)
    task.add_done_callback(background_tasks.discard)
    await asyncio.sleep(0.1)
    gc.collect()
    print(f"after the garbage collection: {len(background_tasks)} task kept")
    # asyncio.run() cancels the task on the way out; it is not destroyed while pending.


asyncio.run(main())
