import asyncio
import sys

# The child sorts the lines it reads, and complains on stderr about empty ones.
CHILD = """
import sys
lines = sys.stdin.read().splitlines()
print("\\n".join(sorted(line for line in lines if line)))
print(f"skipped {lines.count('')} empty line(s)", file=sys.stderr)
"""


async def main():
    child = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        CHILD,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    # Writes the input, closes stdin, reads both outputs to the end, waits for exit.
    out, err = await child.communicate(b"pear\napple\n\nfig\n")
    print(out.decode(), end="")
    print(f"stderr: {err.decode().strip()}")
    print(f"exit status: {child.returncode}")


asyncio.run(main())
