import asyncio
import os
import signal


async def main():
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()

    def request_stop(sig):
        print(f"main: got {sig.name}, stopping at the next safe point")
        stop.set()

    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, request_stop, sig)
    # Stand-in for pressing Ctrl-C 0.3 s after the start.
    loop.call_later(0.3, os.kill, os.getpid(), signal.SIGINT)
    print("main: working")
    await stop.wait()
    await asyncio.sleep(0.1)  # the same clean-up, whichever signal came
    print("main: clean-up done")


asyncio.run(main())
print("asyncio.run returned normally: no KeyboardInterrupt")
