import asyncio


async def work(name):
    print(f"  {name} runs")  # no await inside: nothing here can pause


async def main():
    other = asyncio.create_task(work("other task"))  # scheduled, not started
    print("main: await a coroutine")
    await work("inline coroutine")  # runs right here, like a function call
    print("main: back, and the other task has still not run")

    mine = asyncio.create_task(work("my task"))
    print("main: await a task")
    await mine  # main is suspended: the loop runs every ready task in turn
    print("main: back, both tasks are done:", other.done() and mine.done())


asyncio.run(main())
