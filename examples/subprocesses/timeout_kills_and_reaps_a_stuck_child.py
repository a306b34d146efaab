import asyncio
import sys


async def main():
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-c", "import time; time.sleep(60)"  # stuck
    )
    try:
        async with asyncio.timeout(0.5):
            await child.wait()
    except TimeoutError:
        print("no exit within 0.5 s: killing the child")
        child.kill()  # sends SIGKILL (on Windows: TerminateProcess)
        status = await child.wait()  # reaps it: no zombie left behind
        print(f"child killed, exit status {status}")


asyncio.run(main())
