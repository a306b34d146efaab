import asyncio
import time


async def main():
    print("main: calling time.sleep(0.2) inside a coroutine")
    time.sleep(0.2)  # noqa: ASYNC251 (the blocking call is the lesson)
    print("main: done; debug mode logged the blocked loop on stderr")


asyncio.run(main(), debug=True)
