import asyncio

inside = 0  # workers inside the semaphore right now
peak = 0  # the most there ever were at once


async def worker(semaphore):
    global inside, peak
    async with semaphore:
        inside += 1
        peak = max(peak, inside)
        await asyncio.sleep(0.1)
        inside -= 1


async def release_twice(semaphore):
    async with semaphore:
        pass
    semaphore.release()  # the bug: one release too many


async def main():
    plain = asyncio.Semaphore(1)
    await release_twice(plain)  # no error: the limit is now 2
    await asyncio.gather(*(worker(plain) for _ in range(3)))
    print(f"Semaphore(1): up to {peak} workers at once")

    bounded = asyncio.BoundedSemaphore(1)
    try:
        await release_twice(bounded)
    except ValueError as error:
        print(f"BoundedSemaphore(1): ValueError: {error}")


asyncio.run(main())
