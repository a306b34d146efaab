import asyncio
import tempfile
import time
from pathlib import Path

import aiosqlite


def pause(seconds):
    time.sleep(seconds)  # stands for a slow query: a big scan, a busy disk
    return seconds


async def slow_query(db):
    async with db.execute("SELECT pause(0.5)") as cursor:
        return await cursor.fetchone()


async def main():
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "shop.db")
        async with aiosqlite.connect(path) as db:
            await db.create_function("pause", 1, pause)
            await asyncio.gather(*(slow_query(db) for _ in range(3)))
            print("3 queries on one connection: done")
        connections = [aiosqlite.connect(path) for _ in range(3)]
        for db in connections:
            await db  # opens the connection, in its own thread
            await db.create_function("pause", 1, pause)
        await asyncio.gather(*(slow_query(db) for db in connections))
        print("3 queries on 3 connections: done")
        for db in connections:
            await db.close()


asyncio.run(main())
