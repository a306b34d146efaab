import asyncio
import time


async def heartbeat():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("1. task: cancelled, cleaning up")
        await asyncio.sleep(0.1)  # cleanup may await
        raise


async def readings():
    try:
        while True:
            yield 42
            await asyncio.sleep(1)
    finally:
        print("2. generator: finally block runs")
        await asyncio.sleep(0.1)  # so may the generator's


def export():
    time.sleep(0.6)  # blocking work in a thread: nothing can cancel it
    print("3. thread: export finished")


stream = readings()  # a module-level reference: it outlives main()


async def main():
    task = asyncio.create_task(heartbeat())  # left running on purpose
    print("main: first reading", await anext(stream))  # never closed
    try:
        await asyncio.wait_for(asyncio.to_thread(export), timeout=0.2)
    except TimeoutError:
        print(f"main: export timed out; returning, heartbeat done: {task.done()}")


asyncio.run(main())
print("4. asyncio.run returned")
