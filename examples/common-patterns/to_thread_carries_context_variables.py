import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="(not set)")


def log(message):
    """Blocking code, e.g. a synchronous library that logs the current request."""
    return f"[{request_id.get()}] {message}"


async def main():
    request_id.set("req-42")
    loop = asyncio.get_running_loop()

    print(await loop.run_in_executor(None, log, "via run_in_executor"))
    print(await asyncio.to_thread(log, "via asyncio.to_thread"))


asyncio.run(main())
