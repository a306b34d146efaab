import asyncio


async def worker(name, unit_seconds, start, stop):
    await start.wait()  # everyone waits at the gate
    print(f"{name}: go")
    units = 0
    while not stop.is_set():  # checked between units, never during one
        await asyncio.sleep(unit_seconds)
        units += 1
    print(f"{name}: stopped after {units} units")


async def main():
    start, stop = asyncio.Event(), asyncio.Event()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(worker("fast", 0.3, start, stop))
        tg.create_task(worker("slow", 0.5, start, stop))
        await asyncio.sleep(0.2)
        print("main: start.set()")
        start.set()  # wakes every waiter at once
        await asyncio.sleep(0.8)
        print("main: stop.set()")
        stop.set()


asyncio.run(main())
