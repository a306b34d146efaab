import asyncio
import sqlite3
import tempfile
from pathlib import Path

import aiosqlite


async def transfer(db, source, target, amount):
    try:
        # sqlite3 opens a transaction before the first change; commit() ends it.
        credit = "UPDATE accounts SET balance = balance + ? WHERE name = ?"
        await db.execute(credit, (amount, target))
        debit = "UPDATE accounts SET balance = balance - ? WHERE name = ?"
        await db.execute(debit, (amount, source))
        await db.commit()
        print(f"{source} -> {target} {amount}: committed")
    except sqlite3.IntegrityError as error:
        await db.rollback()  # undoes the credit too
        # The class, not str(error): SQLite's wording differs between its versions.
        print(f"{source} -> {target} {amount}: rolled back ({type(error).__name__})")


async def balances(db):
    async with db.execute("SELECT name, balance FROM accounts ORDER BY name") as rows:
        return ", ".join([f"{name} {balance}" async for name, balance in rows])


async def main():
    with tempfile.TemporaryDirectory() as folder:
        async with aiosqlite.connect(Path(folder, "bank.db")) as db:
            await db.execute(
                "CREATE TABLE accounts (name TEXT PRIMARY KEY,"
                " balance INTEGER NOT NULL CHECK (balance >= 0))"
            )
            await db.execute("INSERT INTO accounts VALUES ('ada', 100), ('bob', 50)")
            await db.commit()
            print(f"before: {await balances(db)}")
            await transfer(db, "ada", "bob", 30)
            await transfer(db, "bob", "ada", 500)  # more than bob has
            print(f"after:  {await balances(db)}")


asyncio.run(main())
