import asyncio


class Client:
    def __init__(self):
        self.loop = asyncio.get_running_loop()

    def fetch_later(self, delay):
        return self.loop.call_later(delay, print, "fetched")


async def main():
    # Created and used under one asyncio.run(), so its loop is the running one.
    client = Client()
    client.fetch_later(0.1)
    await asyncio.sleep(0.2)


asyncio.run(main())
