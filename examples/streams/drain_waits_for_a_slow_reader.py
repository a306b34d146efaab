import asyncio
import socket

MB = 1024 * 1024
CHUNK = 2 * MB  # far more than all the buffers on the way hold (about 0.5 MB)


async def main():
    async def slow_reader(reader, writer):
        loop = asyncio.get_running_loop()
        next_chunk = loop.time()
        for chunk in range(1, 5):
            print(f"reader: reading 2 MB (chunk {chunk})")
            await reader.readexactly(CHUNK)
            # Busy with what it read until the next half second: a fixed schedule,
            # so the time that moving 2 MB takes on a busy machine does not add up.
            next_chunk += 0.5
            await asyncio.sleep(next_chunk - loop.time())
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(slow_reader, "127.0.0.1", 0)
    # Small kernel buffers, so that 8 MB is enough to fill them (the system's
    # defaults on loopback can hold several megabytes).
    server.sockets[0].setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 64 * 1024)
    port = server.sockets[0].getsockname()[1]
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        sock = writer.transport.get_extra_info("socket")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 64 * 1024)
        for _ in range(16):
            writer.write(bytes(CHUNK // 4))  # queued in the transport's buffer
            await writer.drain()  # waits while that buffer is over its limit
        print("writer: drain() let the last half megabyte through")
        low, high = writer.transport.get_write_buffer_limits()
        print(f"writer: drain() waited while over {high} bytes, until {low} were left")
        await reader.read()  # until the reader closes
        writer.close()
        await writer.wait_closed()


asyncio.run(main())
