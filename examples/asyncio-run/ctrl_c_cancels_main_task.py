import asyncio
import signal


async def main():
    loop = asyncio.get_running_loop()
    # Stand-in for pressing Ctrl-C 0.3 s after the start.
    loop.call_later(0.3, signal.raise_signal, signal.SIGINT)
    try:
        print("main: working")
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("main: cancelled by Ctrl-C, cleaning up")
        await asyncio.sleep(0.1)  # cleanup may still await
        print("main: cleanup done")
        raise  # let the cancellation finish


try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("asyncio.run raised KeyboardInterrupt after main finished")
