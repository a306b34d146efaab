import asyncio


async def handle(reader, writer):
    name = (await reader.readline()).decode().strip()
    await asyncio.sleep(0.5)  # the server's slow work: a lookup, another service...
    writer.write(f"hello, {name}\n".encode())
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(port, name):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"{name}\n".encode())
    await writer.drain()
    reply = (await reader.readline()).decode().strip()
    writer.close()
    await writer.wait_closed()
    return reply


async def main():
    # Port 0: the system picks a free port; nothing leaves this machine.
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        names = ["ada", "bob", "cy", "dee", "eve"]
        replies = await asyncio.gather(*(client(port, name) for name in names))
    for reply in replies:
        print(reply)
    print("5 clients, 0.5 s of server work each, about 0.5 s in all")


asyncio.run(main())
