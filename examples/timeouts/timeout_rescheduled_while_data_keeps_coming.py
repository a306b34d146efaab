import asyncio


async def receive(gaps):
    """Yield chunks, waiting the given seconds before each one."""
    for n, gap in enumerate(gaps, start=1):
        await asyncio.sleep(gap)
        yield f"chunk {n}"


async def main():
    loop = asyncio.get_running_loop()
    idle_limit = 0.5
    try:
        # timeout_at takes an absolute time on the loop's clock, loop.time().
        async with asyncio.timeout_at(loop.time() + idle_limit) as cm:
            async for chunk in receive([0.3, 0.3, 0.3, 5]):
                print(f"got {chunk}: deadline pushed back")
                cm.reschedule(loop.time() + idle_limit)
    except TimeoutError:
        print(f"no data for {idle_limit} s, giving up; expired: {cm.expired()}")


asyncio.run(main())
