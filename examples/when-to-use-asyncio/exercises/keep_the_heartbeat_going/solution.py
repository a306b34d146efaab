import asyncio
import contextlib
import time


def blocking_query(sql):
    """A database driver that is not async: it blocks until the answer comes."""
    time.sleep(1.0)  # waiting for the database server
    return [("ada",), ("bob",)]


async def heartbeat():
    """Beats every 0.5 s, on a schedule counted from its start."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    for beat in range(1, 100):
        await asyncio.sleep(start + 0.5 * beat - loop.time())
        print(f"beat {beat}")


async def main():
    beats = asyncio.create_task(heartbeat())
    await asyncio.sleep(0.2)
    print("query starts")
    # The blocking call runs in a worker thread; the loop's thread is free to beat.
    rows = await asyncio.to_thread(blocking_query, "SELECT name FROM users")
    print(f"query returns {len(rows)} rows")
    beats.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await beats


asyncio.run(main())
