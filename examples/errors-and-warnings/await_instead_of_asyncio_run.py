import asyncio


async def fetch_answer():
    await asyncio.sleep(0.1)
    return 42


async def main():
    answer = await fetch_answer()
    print(f"answer: {answer}")


asyncio.run(main())
