import asyncio
import os
import signal
import sys
import time


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
    # Stand-in for `docker stop` or `systemctl stop`, 0.3 s after the start.
    loop.call_later(0.3, os.kill, os.getpid(), signal.SIGTERM)
    try:
        print("service: working", flush=True)  # flush: the process may die
        await asyncio.sleep(10)
    finally:
        print("service: cleaning up", flush=True)


async def supervise():
    # Start this same file again as the service, the way a container runtime
    # or systemd starts a program, and report how it ended.
    child = await asyncio.create_subprocess_exec(
        sys.executable, __file__, "serve", str(time.monotonic())
    )
    print(f"supervisor: exit status {await child.wait()}")


if sys.argv[1:2] == ["serve"]:
    asyncio.run(service())
else:
    asyncio.run(supervise())
