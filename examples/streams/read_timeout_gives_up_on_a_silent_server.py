import asyncio


async def silent(reader, writer):
    await reader.read()  # never answers; waits until the client hangs up
    print("server: the client hung up")
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(silent, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"anyone there?\n")
        await writer.drain()
        try:
            async with asyncio.timeout(0.5):
                await reader.readline()
        except TimeoutError:
            print("client: no reply within 0.5 s, hanging up")
        writer.close()
        await writer.wait_closed()
        await asyncio.sleep(0.3)  # time for the server to see it, before it closes


asyncio.run(main())
