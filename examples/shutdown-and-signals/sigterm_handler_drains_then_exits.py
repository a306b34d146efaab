import asyncio
import os
import signal
import sys
import time


async def worker(name, job_seconds, stop):
    job = 0
    while not stop.is_set():  # take no new job once stop is set
        job += 1
        await asyncio.sleep(job_seconds)  # a job in progress
        print(f"{name}: finished job {job}")


async def wait_for_the_start_time():
    # The supervisor passes the moment it started this process. Beginning 0.2 s after
    # it, whatever this Python's own start-up took, keeps the times below the same on
    # a fast or a busy machine. (The monotonic clock is one clock for the whole machine
    # on Linux and macOS.)
    started = float(sys.argv[2])
    await asyncio.sleep(max(0.0, started + 0.2 - time.monotonic()))


async def service():
    await wait_for_the_start_time()
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    # Stand-in for `docker stop` or `systemctl stop`, 0.5 s after the start.
    loop.call_later(0.5, os.kill, os.getpid(), signal.SIGTERM)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(worker("a", 0.4, stop))
        tg.create_task(worker("b", 0.7, stop))
        await stop.wait()
        print("service: got SIGTERM, finishing the jobs in progress")
    print("service: drained, exiting with status 0")
    return 0


async def supervise():
    child = await asyncio.create_subprocess_exec(
        sys.executable, __file__, "serve", str(time.monotonic())
    )
    print(f"supervisor: exit status {await child.wait()}")


if sys.argv[1:2] == ["serve"]:
    sys.exit(asyncio.run(service()))
else:
    asyncio.run(supervise())
