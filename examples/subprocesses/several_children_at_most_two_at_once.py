import asyncio
import sys

running = most_at_once = 0


async def run_job(name, limit):
    global running, most_at_once
    async with limit:
        running += 1
        most_at_once = max(most_at_once, running)
        child = await asyncio.create_subprocess_exec(
            sys.executable, "-c", "import time; time.sleep(1)"
        )
        status = await child.wait()
        running -= 1
    return f"{name}: {status}"


async def main():
    limit = asyncio.Semaphore(2)  # at most two children at a time
    names = ["a", "b", "c", "d"]
    results = await asyncio.gather(*(run_job(name, limit) for name in names))
    print(", ".join(results))
    print(f"children running at once, at most: {most_at_once}")


asyncio.run(main())
