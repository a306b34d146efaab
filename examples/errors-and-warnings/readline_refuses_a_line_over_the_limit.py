import asyncio


async def send_long_line(reader, writer):
    try:
        writer.write(b"x" * 100_000)  # one line of 100 KB, its end still to come
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
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            # The stream buffers at most 64 KiB while it looks for the newline.
            line = await reader.readline()
            print(f"read {len(line)} bytes")
        finally:
            writer.close()
            await writer.wait_closed()


asyncio.run(main())
