import asyncio


async def send_long_line(reader, writer):
    try:
        writer.write(b"x" * 100_000)
        await writer.drain()
        await asyncio.sleep(0.2)
        writer.write(b"\n")
    finally:
        writer.close()
        await writer.wait_closed()


async def main():
    server = await asyncio.start_server(send_long_line, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        # Raise the limit to the longest line you accept: it bounds the memory one
        # peer can make you buffer, so keep it finite.
        reader, writer = await asyncio.open_connection(
            "127.0.0.1", port, limit=1024 * 1024
        )
        try:
            line = await reader.readline()
            print(f"read {len(line)} bytes")
        finally:
            writer.close()
            await writer.wait_closed()


asyncio.run(main())
