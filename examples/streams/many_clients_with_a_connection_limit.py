import asyncio

busy_now = most_at_once = 0  # requests the server is working on


async def handle(reader, writer):
    global busy_now, most_at_once
    name = (await reader.readline()).decode().strip()
    busy_now += 1
    most_at_once = max(most_at_once, busy_now)
    await asyncio.sleep(0.3)  # the server's work for one request
    busy_now -= 1
    writer.write(f"{name}\n".encode())
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def request(port, name, limit):
    async with limit:  # at most 3 connections open at any moment
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(f"{name}\n".encode())
        reply = await reader.readline()
        writer.close()
        await writer.wait_closed()
        return reply.decode().strip()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    limit = asyncio.Semaphore(3)
    async with server:
        names = [str(n) for n in range(1, 10)]
        replies = await asyncio.gather(*(request(port, n, limit) for n in names))
    print("replies:", " ".join(replies))
    print(f"9 requests, 3 at a time: the server saw at most {most_at_once} at once")


asyncio.run(main())
