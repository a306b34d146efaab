import asyncio


async def handle(reader, writer):
    async for line in reader:  # one request a line, until the client hangs up
        print(f"server: working on {line.decode().strip()!r}")
        await asyncio.sleep(0.5)  # the request in progress
        writer.write(b"report ready\n")
    writer.close()
    await writer.wait_closed()


async def client(port, request, linger):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"{request}\n".encode())
    reply = await reader.readline()
    print(f"client: got {reply.decode().strip()!r}")
    await asyncio.sleep(linger)  # a keep-alive client: it hangs up later
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    first = asyncio.create_task(client(port, "monthly report", linger=0.2))
    await asyncio.sleep(0.2)
    server.close()  # stop accepting; open connections stay open
    print("main: server.close() called")
    await asyncio.sleep(0.1)
    try:
        await client(port, "late request", linger=0)
    except ConnectionRefusedError:
        print("late client: connection refused")
    await server.wait_closed()  # until every connection has closed
    print("main: wait_closed() returned")
    await first


asyncio.run(main())
