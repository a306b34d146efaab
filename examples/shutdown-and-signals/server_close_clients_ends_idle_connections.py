import asyncio


async def handle(reader, writer):
    async for line in reader:  # one request a line, until the client hangs up
        writer.write(line)
    writer.close()
    await writer.wait_closed()


async def idle_client(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print("client: connected, sending nothing")
    data = await reader.read()  # until the server closes the connection
    writer.close()
    await writer.wait_closed()
    return f"the server hung up (read {data!r})"


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    client = asyncio.create_task(idle_client(port))
    await asyncio.sleep(0.2)
    server.close()
    try:
        await asyncio.wait_for(server.wait_closed(), timeout=0.3)
    except TimeoutError:
        print("main: wait_closed() still waiting after 0.3 s")
    server.close_clients()  # new in 3.13; abort_clients() would not even flush
    await server.wait_closed()
    print("main: wait_closed() returned")
    print("client:", await client)


asyncio.run(main())
