import asyncio


class Countdown:
    """The article's countdown as a class: what `async for` really calls."""

    def __init__(self, n):
        self.n = n

    def __aiter__(self):  # a plain method: it returns the iterator itself
        return self

    async def __anext__(self):  # a coroutine: it may await before answering
        if self.n == 0:
            raise StopAsyncIteration  # tells `async for` to stop
        value = self.n
        self.n -= 1
        await asyncio.sleep(0.5)
        return value


async def main():
    async for num in Countdown(3):
        print(num)
    print("done")


asyncio.run(main())
