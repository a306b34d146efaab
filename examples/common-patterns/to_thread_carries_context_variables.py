import asyncio
import contextvars
from concurrent.futures import ThreadPoolExecutor

request_id = contextvars.ContextVar("request_id", default="(not set)")


def log(message):
    """Blocking code, e.g. a synchronous library that logs the current request."""
    return f"[{request_id.get()}] {message}"


async def handle_request(pool):
    request_id.set("req-42")
    loop = asyncio.get_running_loop()

    print(await loop.run_in_executor(pool, log, "via run_in_executor"))
    print(await asyncio.to_thread(log, "via asyncio.to_thread"))


async def main():
    loop = asyncio.get_running_loop()
    # A long-lived pool, its one thread started before any request comes in.
    with ThreadPoolExecutor(max_workers=1) as pool:
        print(await loop.run_in_executor(pool, log, "pool's thread started"))
        await handle_request(pool)


asyncio.run(main())
