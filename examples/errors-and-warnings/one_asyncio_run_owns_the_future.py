import asyncio


class Server:
    async def start(self):
        self.stopped = asyncio.get_running_loop().create_future()
        print("server started")

    async def wait_until_stopped(self):
        await self.stopped


async def main():
    # Start, stop and wait all happen on the one loop that asyncio.run() made.
    server = Server()
    await server.start()
    asyncio.get_running_loop().call_later(0.1, server.stopped.set_result, None)
    await server.wait_until_stopped()
    print("server stopped")


asyncio.run(main())
