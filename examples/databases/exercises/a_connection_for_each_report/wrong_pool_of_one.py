import asyncio
import os

import asyncpg

# The usual local default; set DATABASE_URL to reach another server.
DATABASE_URL = os.environ.get(
    "DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)


async def report(pool, number):
    # The connection is this task's alone until the block ends, then goes back.
    async with pool.acquire() as conn:
        await conn.execute("SELECT pg_sleep(0.5)")  # a report's slow query
    return f"report {number}: ready"


async def main():
    # A pool, opened once, of a single connection.
    async with asyncpg.create_pool(DATABASE_URL, min_size=1, max_size=1) as pool:
        lines = await asyncio.gather(*(report(pool, n) for n in range(1, 5)))
        for line in lines:
            print(line)


asyncio.run(main())
