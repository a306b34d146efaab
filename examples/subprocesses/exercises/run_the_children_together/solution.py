import asyncio
import sys

# Each child converts one file: about a second of work, then it says which. It starts
# with -S (no site-packages to scan), so its start-up is small beside that second.
CONVERTER = "import sys, time; time.sleep(1); print('converted', sys.argv[1])"


async def convert(name):
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-S", "-c", CONVERTER, name, stdout=asyncio.subprocess.PIPE
    )
    output, _ = await child.communicate()
    return output.decode().strip()


async def main():
    names = ["a.wav", "b.wav", "c.wav"]
    # The three children run at once; gather() keeps their results in order.
    for result in await asyncio.gather(*(convert(name) for name in names)):
        print(result)
    print("all converted")


asyncio.run(main())
