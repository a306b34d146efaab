import asyncio


async def loader(state, condition):
    for number in range(1, 4):
        await asyncio.sleep(0.3)  # load one file
        async with condition:
            state["files"] = number
            print(f"loader: file {number} loaded")
            condition.notify_all()  # "the state changed: check again"


async def report(name, files_needed, state, condition):
    async with condition:
        await condition.wait_for(lambda: state["files"] >= files_needed)
        print(f"{name}: starts, {state['files']} of 3 files loaded")


async def main():
    state = {"files": 0}
    condition = asyncio.Condition()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(report("summary", 1, state, condition))
        tg.create_task(report("full report", 3, state, condition))
        tg.create_task(loader(state, condition))


asyncio.run(main())
