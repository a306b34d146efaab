import asyncio
import time
from concurrent.futures import ProcessPoolExecutor


def crunch(job, seconds):
    """Stand-in for CPU-bound work (parsing, hashing, resizing images): keeps one
    core busy for `seconds` of processor time, so it lasts as long on any machine."""
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass
    return job


async def main():
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(max_workers=2) as pool:
        print("one by one: 4 jobs of 0.4 s start")
        finished = []
        for job in "ABCD":  # each await waits for its job before the next is sent
            finished.append(await loop.run_in_executor(pool, crunch, job, 0.4))
        print(f"one by one: jobs {' '.join(finished)} done")

        print("all at once: 4 jobs of 0.4 s start")
        jobs = [loop.run_in_executor(pool, crunch, job, 0.4) for job in "ABCD"]
        finished = await asyncio.gather(*jobs)
        print(f"all at once: jobs {' '.join(finished)} done")


if __name__ == "__main__":  # required: worker processes may import this file
    asyncio.run(main())
