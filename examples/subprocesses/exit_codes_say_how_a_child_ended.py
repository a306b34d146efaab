import asyncio
import sys

CHILDREN = {
    "finished": "pass",
    "sys.exit(3)": "import sys; sys.exit(3)",
    "raised": "raise ValueError('bad input')",
    "terminated": "import time; time.sleep(60)",
}


async def run(label, code):
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-c", code, stderr=asyncio.subprocess.PIPE
    )
    if label == "terminated":
        await asyncio.sleep(1)  # by then the others have started and ended
        child.terminate()  # SIGTERM
    _, err = await child.communicate()
    last_line = err.decode().strip().splitlines()[-1:] or ["(nothing)"]
    return f"{label:12} exit status {child.returncode:3}, stderr: {last_line[0]}"


async def main():
    results = await asyncio.gather(*(run(*child) for child in CHILDREN.items()))
    print("\n".join(results))


asyncio.run(main())
