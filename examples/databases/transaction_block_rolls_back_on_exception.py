import asyncio
import os

import asyncpg

DATABASE_URL = os.environ.get(
    "DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)


async def transfer(conn, source, target, amount):
    try:
        # Commits when the block ends; rolls back if an exception leaves it.
        async with conn.transaction():
            credit = "UPDATE accounts SET balance = balance + $1 WHERE name = $2"
            await conn.execute(credit, amount, target)
            debit = "UPDATE accounts SET balance = balance - $1 WHERE name = $2"
            await conn.execute(debit, amount, source)
        print(f"{source} -> {target} {amount}: committed")
    except asyncpg.CheckViolationError as error:
        reason = f"{type(error).__name__} on {error.constraint_name}"
        print(f"{source} -> {target} {amount}: rolled back ({reason})")


async def balances(conn):
    rows = await conn.fetch("SELECT name, balance FROM accounts ORDER BY name")
    return ", ".join(f"{name} {balance}" for name, balance in rows)


async def main():
    conn = await asyncpg.connect(DATABASE_URL)
    try:
        # TEMP: this connection's own table, gone when it closes.
        await conn.execute(
            "CREATE TEMP TABLE accounts (name text PRIMARY KEY, balance integer"
            " NOT NULL CONSTRAINT no_overdraft CHECK (balance >= 0))"
        )
        await conn.execute("INSERT INTO accounts VALUES ('ada', 100), ('bob', 50)")
        print(f"before: {await balances(conn)}")
        await transfer(conn, "ada", "bob", 30)
        await transfer(conn, "bob", "ada", 500)  # more than bob has
        print(f"after:  {await balances(conn)}")
    finally:
        await conn.close()


asyncio.run(main())
