import asyncio
import os

import asyncpg

# The usual local default; set DATABASE_URL to reach another server.
DATABASE_URL = os.environ.get(
    "DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)


async def report(conn, number):
    await conn.execute("SELECT pg_sleep(0.5)")  # a report's slow query
    return f"report {number}: ready"


async def main():
    conn = await asyncpg.connect(DATABASE_URL)
    try:
        # Four reports at once, all on the one connection.
        lines = await asyncio.gather(*(report(conn, n) for n in range(1, 5)))
        for line in lines:
            print(line)
    finally:
        await conn.close()


asyncio.run(main())
