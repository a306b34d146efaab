import asyncio

LONG_LINE = b"x" * 100_000 + b"\n"  # 100 kB, over the 64 KiB default limit


async def handle(reader, writer):
    try:
        line = await reader.readline()
        print(f"server: got a line of {len(line)} bytes")
    except ValueError as error:  # readline() turns LimitOverrunError into this
        print(f"server: {type(error).__name__}, the line is over the limit")
        await reader.read()  # the rest, so that closing does not reset the connection
    writer.close()
    await writer.wait_closed()


async def send_long_line(limit):
    # limit= sets the server's StreamReaders' limit; the default is 64 KiB.
    options = {} if limit is None else {"limit": limit}
    server = await asyncio.start_server(handle, "127.0.0.1", 0, **options)
    port = server.sockets[0].getsockname()[1]
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(LONG_LINE)
        writer.write_eof()  # nothing more from this client
        await reader.read()  # until the server hangs up
        writer.close()
        await writer.wait_closed()


async def main():
    print("default limit (64 KiB):")
    await send_long_line(limit=None)
    print("limit=1 MiB:")
    await send_long_line(limit=1024 * 1024)


asyncio.run(main())
