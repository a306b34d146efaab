import asyncio
import os

import asyncpg

DATABASE_URL = os.environ.get(
    "DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)


async def handle(pool, max_wait):
    try:
        # Waits here for a free connection: at most max_wait s (None: no limit).
        async with pool.acquire(timeout=max_wait) as conn:
            await conn.execute("SELECT pg_sleep(0.5)")
    except TimeoutError:
        return False
    return True


async def serve(pool, requests, max_wait=None):
    served = await asyncio.gather(*(handle(pool, max_wait) for _ in range(requests)))
    print(f"{requests} requests: {sum(served)} served, {served.count(False)} timed out")


async def main():
    async with asyncpg.create_pool(DATABASE_URL, min_size=2, max_size=2) as pool:
        await serve(pool, 2)  # no more than the pool's connections
        await serve(pool, 6)
        await serve(pool, 6, max_wait=0.7)


asyncio.run(main())
