import asyncio
import os
import signal
import sys


async def service():
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
    child = await asyncio.create_subprocess_exec(sys.executable, __file__, "serve")
    print(f"supervisor: exit status {await child.wait()}")


if sys.argv[1:] == ["serve"]:
    asyncio.run(service())
else:
    asyncio.run(supervise())
