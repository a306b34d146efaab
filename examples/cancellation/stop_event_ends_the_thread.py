import asyncio
import threading
import time


def export_rows(stop):  # blocking code, run in a worker thread
    for batch in range(1, 5):
        time.sleep(0.4)
        print(f"thread: batch {batch} written")
        if stop.is_set():
            print("thread: asked to stop, stopping")
            return


async def main():
    stop = threading.Event()
    export = asyncio.create_task(asyncio.to_thread(export_rows, stop))
    try:
        async with asyncio.timeout(0.6):
            await asyncio.shield(export)  # the timeout cannot stop a thread
    except TimeoutError:
        print("main: timed out, asking the thread to stop")
        stop.set()
        await export  # the thread checks the event after each batch
    print("main: export over")


asyncio.run(main())
print("asyncio.run returned")
