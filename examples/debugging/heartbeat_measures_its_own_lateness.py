import asyncio
import time


async def heartbeat(every=0.1, too_late=0.2):
    """Wake up on a fixed schedule and report when the loop made it wait."""
    loop = asyncio.get_running_loop()
    start = deadline = loop.time()
    while True:
        deadline += every
        await asyncio.sleep(deadline - loop.time())
        lateness = loop.time() - deadline
        if lateness > too_late:  # a timer can only fire late if the loop was busy
            due = deadline - start
            print(f"heartbeat: beat due at {due:.1f} s ran over {too_late} s late")
            deadline += lateness // every * every  # skip the beats it missed


async def build_report():
    await asyncio.sleep(0.35)
    print("build_report: calling time.sleep(0.45)")
    time.sleep(0.45)  # noqa: ASYNC251 (the blocking call is the lesson)
    print("build_report: done")


async def main():
    beat = asyncio.create_task(heartbeat())
    await build_report()
    await asyncio.sleep(0.3)  # the heartbeat is on time again: nothing printed
    beat.cancel()


asyncio.run(main())
