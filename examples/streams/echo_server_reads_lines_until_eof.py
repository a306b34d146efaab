import asyncio


async def echo(reader, writer):
    # readline() returns b"" at end of file: the client called write_eof() or closed.
    while line := await reader.readline():
        writer.write(line.upper())
        await writer.drain()
    print("server: end of file, closing this connection")
    writer.close()
    await writer.wait_closed()


async def client(port, name, start):
    await asyncio.sleep(start)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for word in ["hello", "bye"]:
        writer.write(f"{word} from {name}\n".encode())
        await writer.drain()
        reply = await reader.readline()
        print(f"{name} got {reply.decode().strip()!r}")
        await asyncio.sleep(0.4)
    writer.write_eof()  # "nothing more from me": the server's readline() gets b""
    rest = await reader.read()  # everything until the server closes its side
    print(f"{name}: the server closed, {len(rest)} more bytes")
    writer.close()
    await writer.wait_closed()


async def main():
    # Port 0: the system picks a free port. 127.0.0.1: nothing leaves this machine.
    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:  # on the way out: close() and wait_closed()
        await asyncio.gather(client(port, "ada", 0.0), client(port, "bob", 0.2))


asyncio.run(main())
