import asyncio


class Account:
    def __init__(self, balance):
        self.balance = balance


async def withdraw(account, name, amount, check_seconds):
    seen = account.balance  # read
    await asyncio.sleep(check_seconds)  # e.g. ask a fraud-check service
    account.balance = seen - amount  # write, from a value that may be stale
    print(f"{name}: withdrew {amount}, balance {account.balance}")


async def main():
    account = Account(100)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(withdraw(account, "alice", 30, 0.2))
        tg.create_task(withdraw(account, "bob", 50, 0.4))
    print(f"final balance: {account.balance} (100 - 30 - 50 is 20)")


asyncio.run(main())
