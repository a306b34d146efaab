import asyncio
import os

import asyncpg

DATABASE_URL = os.environ.get(
    "DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
ACTIVITY = "SELECT state, query FROM pg_stat_activity WHERE pid = $1"


async def report(conn):
    try:
        async with asyncio.timeout(0.5):
            await conn.execute("SELECT pg_sleep(10)")
    except TimeoutError:
        print("report: timed out")


async def main():
    conn = await asyncpg.connect(DATABASE_URL)
    watcher = await asyncpg.connect(DATABASE_URL)  # looks from outside
    try:
        pid = conn.get_server_pid()
        async with asyncio.TaskGroup() as tg:
            tg.create_task(report(conn))
            await asyncio.sleep(0.2)
            state, query = await watcher.fetchrow(ACTIVITY, pid)
            print(f"server: {state}, {query}")
        # The cancel request reaches the server in milliseconds: half a second
        # later, whatever the machine, the query is over if it was cancelled.
        await asyncio.sleep(0.5)
        state, query = await watcher.fetchrow(ACTIVITY, pid)
        print(f"server: {state}, last query {query}")
    finally:
        await watcher.close()
        await conn.close()


asyncio.run(main())
