import asyncio
import subprocess
import sys

# Each child converts one file: about a second of work, then it says which. It starts
# with -S (no site-packages to scan), so its start-up is small beside that second.
CONVERTER = "import sys, time; time.sleep(1); print('converted', sys.argv[1])"


async def convert(name):
    # subprocess.run() waits for the child and holds the event loop meanwhile.
    done = subprocess.run(  # noqa: ASYNC221 (the blocking call is the mistake)
        [sys.executable, "-S", "-c", CONVERTER, name], capture_output=True, text=True
    )
    return done.stdout.strip()


async def main():
    names = ["a.wav", "b.wav", "c.wav"]
    for result in await asyncio.gather(*(convert(name) for name in names)):
        print(result)
    print("all converted")


asyncio.run(main())
