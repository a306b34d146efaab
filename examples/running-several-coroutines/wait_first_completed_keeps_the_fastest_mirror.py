import asyncio


async def ask(mirror, delay):
    print(f"Asking {mirror}...")
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"Stopped {mirror}")
        raise
    print(f"Got {mirror}!")
    return f"{mirror} data"


async def main():
    tasks = [
        asyncio.create_task(ask("eu", 1.0)),
        asyncio.create_task(ask("us", 0.5)),
        asyncio.create_task(ask("asia", 1.5)),
    ]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(f"{len(done)} done, {len(pending)} pending")
    # wait() cancels nothing: the slower mirrors run on until told to stop.
    # Going through the list, not the set, stops them in a fixed order.
    for task in tasks:
        if task in pending:
            task.cancel()
    await asyncio.wait(pending)  # returns once their cancellation has finished
    winner = done.pop()
    print(f"First answer: {winner.result()}")


asyncio.run(main())
