import asyncio


async def slow_operation():
    await asyncio.sleep(10)
    return "done"


async def main():
    try:
        result = await asyncio.wait_for(  # noqa: F841 (the article never uses it)
            slow_operation(),
            timeout=2.0,
        )
    except asyncio.TimeoutError:  # noqa: UP041 (the article's spelling, see below)
        print("Operation timed out!")


asyncio.run(main())
