import asyncio
import socket

MB = 1024 * 1024


async def main():
    async def slow_reader(reader, writer):
        for chunk in range(1, 5):
            print(f"reader: reading 1 MB (chunk {chunk})")
            await reader.readexactly(MB)
            await asyncio.sleep(0.5)  # busy with what it read
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(slow_reader, "127.0.0.1", 0)
    # Small kernel buffers, so that 4 MB is enough to fill them (the system's
    # defaults on loopback can hold several megabytes).
    server.sockets[0].setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 64 * 1024)
    port = server.sockets[0].getsockname()[1]
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        sock = writer.transport.get_extra_info("socket")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 64 * 1024)
        for _ in range(16):
            writer.write(bytes(MB // 4))  # queued in the transport's buffer
            await writer.drain()  # waits while that buffer is over its limit
        print("writer: drain() let the last quarter megabyte through")
        await reader.read()  # until the reader closes
        writer.close()
        await writer.wait_closed()


asyncio.run(main())
