import asyncio
import os
import signal


async def main():
    loop = asyncio.get_running_loop()
    # What Ctrl-C does: cancel the main task. The job in progress is cut in half, and
    # the program ends with CancelledError, not status 0.
    loop.add_signal_handler(signal.SIGTERM, asyncio.current_task().cancel)
    # Stand-in for `docker stop` or `systemctl stop`, 0.5 s after the start.
    loop.call_later(0.5, os.kill, os.getpid(), signal.SIGTERM)
    try:
        job = 0
        while True:
            job += 1
            print(f"job {job}: started")
            await asyncio.sleep(0.4)  # a job that must not be cut in half
            print(f"job {job}: done")
    finally:
        print("closing the database")


asyncio.run(main())
