import asyncio
import os

import asyncpg

# The usual local default; set DATABASE_URL to reach another server.
DATABASE_URL = os.environ.get(
    "DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)


async def slow_query(pool):
    # The connection is this task's alone until the block ends, then goes back.
    async with pool.acquire() as conn:
        await conn.execute("SELECT pg_sleep(0.5)")
        return conn.get_server_pid()  # the server process serving it


async def main():
    async with asyncpg.create_pool(DATABASE_URL, min_size=3, max_size=3) as pool:
        pids = await asyncio.gather(*(slow_query(pool) for _ in range(3)))
        print(f"3 queries of 0.5 s: done, by {len(set(pids))} server processes")


asyncio.run(main())
