import asyncio
import os
import signal


async def main():
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    # stop.set() runs now, so the event is set before the first job, and the handler
    # registered is its result, None.
    loop.add_signal_handler(signal.SIGTERM, stop.set())
    # Stand-in for `docker stop` or `systemctl stop`, 0.5 s after the start.
    loop.call_later(0.5, os.kill, os.getpid(), signal.SIGTERM)
    try:
        job = 0
        while not stop.is_set():
            job += 1
            print(f"job {job}: started")
            await asyncio.sleep(0.4)  # a job that must not be cut in half
            print(f"job {job}: done")
    finally:
        print("closing the database")


asyncio.run(main())
