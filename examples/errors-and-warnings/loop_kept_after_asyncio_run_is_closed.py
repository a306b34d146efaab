import asyncio


class Client:
    """Remembers the loop it was created on, as some older libraries do."""

    def __init__(self):
        self.loop = asyncio.get_running_loop()

    def fetch_later(self, delay):
        return self.loop.call_later(delay, print, "fetched")


async def make_client():
    return Client()


async def use(client):
    client.fetch_later(0.1)
    await asyncio.sleep(0.2)


client = asyncio.run(make_client())
# That asyncio.run() closed the loop the client holds on to.
asyncio.run(use(client))
