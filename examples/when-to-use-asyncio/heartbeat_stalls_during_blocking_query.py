import asyncio
import time


def blocking_query(sql):
    """A database driver that is not async: it blocks until the answer comes."""
    time.sleep(0.5)  # waiting for the database server
    return [("ada",), ("bob",)]


async def heartbeat():
    """Should print every 0.1 s; says so when it comes late."""
    loop = asyncio.get_running_loop()
    beat, last = 0, loop.time()
    while True:
        await asyncio.sleep(0.1)
        beat, late = beat + 1, loop.time() - last > 0.2
        last = loop.time()
        print(f"beat {beat}" + (" (late: the loop was blocked)" if late else ""))


async def main():
    beats = asyncio.create_task(heartbeat())
    await asyncio.sleep(0.25)  # beats 1 and 2

    print("query in the loop's thread starts")
    rows = blocking_query("SELECT name FROM users")  # no beat for 0.5 s
    print(f"query in the loop's thread returns {len(rows)} rows")
    await asyncio.sleep(0.05)  # the overdue beat 3 runs now

    print("query in a worker thread starts")
    rows = await asyncio.to_thread(blocking_query, "SELECT name FROM users")
    print(f"query in a worker thread returns {len(rows)} rows")
    beats.cancel()


asyncio.run(main())
