import asyncio


async def fetch_answer():
    await asyncio.sleep(0.1)
    return 42


def answer_now():
    # A synchronous helper that tries to drive the loop it was called from.
    loop = asyncio.get_event_loop()
    return loop.run_until_complete(fetch_answer())


async def main():
    print(f"answer: {answer_now()}")


asyncio.run(main())
