import asyncio


async def count_lines(reader, writer):
    count = 0
    # readline() returns b"" only at end of file: when the client says it has finished.
    while await reader.readline():
        count += 1
    writer.write(f"{count} lines received\n".encode())
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def upload(port, lines):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for line in lines:
        await asyncio.sleep(0.3)  # each line takes a moment to produce
        writer.write(f"{line}\n".encode())
        await writer.drain()
        print(f"sent {line!r}")
    reply = await reader.read()  # everything until the server closes its side
    print(f"server: {reply.decode().strip()}")
    writer.close()
    await writer.wait_closed()


async def main():
    # Port 0: the system picks a free port. 127.0.0.1: nothing leaves this machine.
    server = await asyncio.start_server(count_lines, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        await upload(port, ["alpha", "beta", "gamma"])
    print("done")


asyncio.run(main())
