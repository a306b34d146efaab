import asyncio


async def fetch_answer():
    await asyncio.sleep(0.1)
    return 42


async def answer_now():
    # The helper becomes a coroutine, so the caller awaits it instead of blocking.
    return await fetch_answer()


async def main():
    print(f"answer: {await answer_now()}")


asyncio.run(main())
