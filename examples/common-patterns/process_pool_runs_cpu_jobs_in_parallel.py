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


async def run_jobs(label, workers):
    loop = asyncio.get_running_loop()
    print(f"{label}: 4 jobs of 0.4 s start")
    with ProcessPoolExecutor(max_workers=workers) as pool:
        jobs = [loop.run_in_executor(pool, crunch, job, 0.4) for job in "ABCD"]
        finished = await asyncio.gather(*jobs)
    print(f"{label}: jobs {' '.join(finished)} done")


async def main():
    await run_jobs("1 worker", 1)  # one process: the jobs take turns, 1.6 s
    await run_jobs("2 workers", 2)  # two processes, two cores: two at a time, 0.8 s


if __name__ == "__main__":  # required: worker processes may import this file
    asyncio.run(main())
