import asyncio
import contextlib
import time


def blocking_query(sql):
    """A database driver that is not async: it blocks until the answer comes."""
    time.sleep(0.8)  # waiting for the database server
    return [("ada",), ("bob",)]


async def heartbeat():
    """Beats every 0.4 s on a fixed schedule, and says so when a beat comes late."""
    loop = asyncio.get_running_loop()
    start, beat = loop.time(), 0
    while True:
        beat += 1
        due = start + 0.4 * beat
        await asyncio.sleep(due - loop.time())
        late = loop.time() - due > 0.2  # half a beat
        print(f"beat {beat}" + (" (late: the loop was blocked)" if late else ""))
        if late:  # skip the beats that were missed: back on the schedule
            beat = int((loop.time() - start) / 0.4)


async def main():
    beats = asyncio.create_task(heartbeat())
    await asyncio.sleep(1.0)  # beats 1 and 2, then halfway to beat 3

    print("query in the loop's thread starts")
    rows = blocking_query("SELECT name FROM users")  # no beat for 0.8 s
    print(f"query in the loop's thread returns {len(rows)} rows")
    await asyncio.sleep(0.4)  # the overdue beat runs at once, the next on schedule

    print("query in a worker thread starts")
    rows = await asyncio.to_thread(blocking_query, "SELECT name FROM users")
    print(f"query in a worker thread returns {len(rows)} rows")

    beats.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await beats


asyncio.run(main())
