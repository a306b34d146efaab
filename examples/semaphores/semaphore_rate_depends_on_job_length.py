import asyncio
import math

LIMIT = 3  # at most three jobs in flight
JOBS = 10


async def job(semaphore, n, length, t0, starts):
    async with semaphore:
        loop = asyncio.get_running_loop()
        # Which wave this job started in: 0 at once, 1 after one job length...
        # Rounding is safe: a start would have to be half a job length late to miss.
        starts[n] = round((loop.time() - t0) / length)
        await asyncio.sleep(length)


async def run_jobs(length):
    semaphore = asyncio.Semaphore(LIMIT)
    starts = {}
    t0 = asyncio.get_running_loop().time()
    await asyncio.gather(*(job(semaphore, n, length, t0, starts) for n in range(JOBS)))
    waves = math.ceil(JOBS / LIMIT)
    print(f"Jobs of {length} s:")
    for wave in range(waves):
        members = [n for n in range(JOBS) if starts[n] == wave]
        print(f"  wave {wave} starts at {wave * length:.1f} s: jobs {members}")
    total = waves * length
    print(f"  {waves} waves x {length} s = {total:.1f} s, {JOBS / total:.2f} jobs/s")


async def main():
    await run_jobs(0.3)  # takes 1.2 s
    await run_jobs(0.6)  # same semaphore limit, half the rate: 2.4 s


asyncio.run(main())
