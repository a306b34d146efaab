import asyncio
import sys
import time

# The child prints a line 0.4, 0.8 and 1.2 s after the moment it is given, then tidies
# up. Counting from that moment keeps its own start-up out of the times. The monotonic
# clock is one clock for the whole machine on Linux and macOS (the wall clock can be
# stepped), and max() keeps a child that started late from a negative sleep.
CHILD = """
import sys, time
started = float(sys.argv[1])
for step in range(1, 4):
    time.sleep(max(0.0, started + 0.4 * step - time.monotonic()))
    print(f"step {step} done", flush=True)
time.sleep(0.3)
"""


async def main():
    child = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        CHILD,
        str(time.monotonic()),
        stdout=asyncio.subprocess.PIPE,
    )
    # Each line as soon as the child prints it, while the child goes on running.
    async for line in child.stdout:
        running = child.returncode is None
        print(f"got {line.decode().strip()!r}, child still running: {running}")
    print(f"child exited with {await child.wait()}")


asyncio.run(main())
