import asyncio


async def fetch_answer():
    await asyncio.sleep(0.1)
    return 42


async def main():
    # A coroutine runs inside a loop already, as a Jupyter cell or a web handler does.
    answer = asyncio.run(fetch_answer())
    print(f"answer: {answer}")


asyncio.run(main())
