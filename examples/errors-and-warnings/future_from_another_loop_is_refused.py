import asyncio


class Server:
    """Makes its 'stopped' future on the loop that runs start()."""

    async def start(self):
        self.stopped = asyncio.get_running_loop().create_future()
        print("server started")

    async def wait_until_stopped(self):
        await self.stopped


server = Server()
asyncio.run(server.start())
# A second asyncio.run() makes a second loop; the future still belongs to the first.
asyncio.run(server.wait_until_stopped())
