import asyncio
from concurrent.futures import ProcessPoolExecutor

beats = 0  # heartbeats so far; a free loop adds one every 0.02 s


async def heartbeat():
    global beats
    while True:
        await asyncio.sleep(0.02)
        beats += 1


def count_primes(limit):
    """Pure-Python CPU work: about 0.1 s here; it varies by machine."""
    return sum(all(n % d for d in range(2, int(n**0.5) + 1)) for n in range(2, limit))


async def main():
    asyncio.create_task(heartbeat())  # noqa: RUF006 (asyncio.run cancels it at the end)
    await asyncio.sleep(0.05)  # let it beat twice

    before = beats
    count = count_primes(100_000)  # in the loop's own thread
    print(f"in the loop: {count} primes, heartbeats meanwhile: {beats - before}")

    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(max_workers=1) as pool:
        before = beats
        count = await loop.run_in_executor(pool, count_primes, 100_000)
        kept_beating = "yes" if beats > before else "no"
        print(f"in a process: {count} primes, heartbeat kept going: {kept_beating}")


if __name__ == "__main__":  # needed: the worker process imports this file
    asyncio.run(main())
