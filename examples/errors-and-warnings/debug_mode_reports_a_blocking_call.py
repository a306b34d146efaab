import asyncio
import time


async def main():
    time.sleep(0.2)  # noqa: ASYNC251 (blocks the loop: no other task can run)
    print("done")


# Debug mode logs every step that holds the loop longer than 0.1 s.
asyncio.run(main(), debug=True)
