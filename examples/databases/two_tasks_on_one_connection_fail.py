import asyncio
import os

import asyncpg

DATABASE_URL = os.environ.get(
    "DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)


async def slow_query(conn, name):
    try:
        await conn.execute("SELECT pg_sleep(0.5)")
    except asyncpg.InterfaceError as error:
        print(f"{name}: {type(error).__name__}: {error}")
    else:
        print(f"{name}: done")


async def main():
    conn = await asyncpg.connect(DATABASE_URL)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(slow_query(conn, "a"))
            tg.create_task(slow_query(conn, "b"))  # while a's query runs
    finally:
        await conn.close()


asyncio.run(main())
