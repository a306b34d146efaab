import asyncio
import contextlib
import time
from concurrent.futures import ProcessPoolExecutor

beats = 0  # heartbeats so far; a free loop adds one every 0.05 s


async def heartbeat():
    global beats
    while True:
        await asyncio.sleep(0.05)
        beats += 1


def crunch(seconds):
    """Stand-in for CPU-bound work (parsing, hashing, resizing images): keeps one
    core busy for `seconds` of processor time, so it lasts as long on any machine."""
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


async def main():
    beating = asyncio.create_task(heartbeat())

    before = beats
    crunch(0.5)  # in the loop's own thread
    print(f"in the loop: heartbeats meanwhile: {beats - before}")

    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(max_workers=1) as pool:
        before = beats
        await loop.run_in_executor(pool, crunch, 0.5)
        kept_beating = "yes" if beats > before else "no"
    print(f"in a process: heartbeat kept going: {kept_beating}")

    beating.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await beating


if __name__ == "__main__":  # needed: the worker process imports this file
    asyncio.run(main())
