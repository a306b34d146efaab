import asyncio


class Rollback(Exception):
    """Raised inside a transaction to abandon it on purpose."""


class Transaction:
    async def __aenter__(self):
        print("BEGIN")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        if exc_type is None:
            print("COMMIT")
            return False
        print(f"ROLLBACK ({exc_type.__name__}: {exc})")
        return exc_type is Rollback  # True swallows it, False lets it propagate


async def main():
    async with Transaction():
        print("insert a row")

    async with Transaction():
        raise Rollback("the user pressed Cancel")
    print("the Rollback was swallowed: main carries on")

    try:
        async with Transaction():
            raise ValueError("bad row")
    except ValueError as error:
        print(f"the ValueError reached main: {error}")


asyncio.run(main())
