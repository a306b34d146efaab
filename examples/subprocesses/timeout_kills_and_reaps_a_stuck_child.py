import asyncio
import sys


async def main():
    stuck = "import time; time.sleep(60)"
    child = await asyncio.create_subprocess_exec(sys.executable, "-c", stuck)
    try:
        async with asyncio.timeout(0.5):
            await child.wait()
    except TimeoutError:
        print("no exit within 0.5 s: killing the child")
        child.kill()  # sends SIGKILL (on Windows: TerminateProcess)
        status = await child.wait()  # reaps it: no zombie left behind
        print(f"child killed, exit status {status}")


asyncio.run(main())
