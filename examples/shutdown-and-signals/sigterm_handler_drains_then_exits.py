import asyncio
import os
import signal
import sys


async def worker(name, job_seconds, stop):
    job = 0
    while not stop.is_set():  # take no new job once stop is set
        job += 1
        await asyncio.sleep(job_seconds)  # a job in progress
        print(f"{name}: finished job {job}")


async def service():
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
    child = await asyncio.create_subprocess_exec(sys.executable, __file__, "serve")
    print(f"supervisor: exit status {await child.wait()}")


if sys.argv[1:] == ["serve"]:
    sys.exit(asyncio.run(service()))
else:
    asyncio.run(supervise())
