import asyncio


async def fetch_answer():
    await asyncio.sleep(0.1)
    return 42


async def main():
    # Inside a coroutine a loop is already running (as in a Jupyter cell).
    try:
        answer = asyncio.run(fetch_answer())
    except RuntimeError as error:
        print(f"RuntimeError: {error}")
    answer = await fetch_answer()  # the fix: you are already async, so await
    print(f"answer: {answer}")


asyncio.run(main())
