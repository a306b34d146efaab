import asyncio
import warnings

warnings.simplefilter("default", ResourceWarning)


async def greet(reader, writer):
    writer.write(b"hello\n")
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def fetch_greeting(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        return (await reader.readline()).decode().strip()
    finally:
        writer.close()
        await writer.wait_closed()  # returns once the transport is really closed


async def main():
    server = await asyncio.start_server(greet, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        print(await fetch_greeting(port))


asyncio.run(main())
