import asyncio


def frame(text):
    body = text.encode()
    return len(body).to_bytes(4, "big") + body  # a 4-byte length, then the body


async def main():
    finished = asyncio.Event()

    async def read_messages(reader, writer):
        try:
            while True:
                size = int.from_bytes(await reader.readexactly(4), "big")
                print(f"server: header says {size} bytes")
                body = await reader.readexactly(size)  # waits until all are here
                print(f"server: got {body.decode()!r}")
        except asyncio.IncompleteReadError as error:
            got, wanted = len(error.partial), error.expected
            print(f"server: the client closed after {got} of {wanted} bytes")
        writer.close()
        await writer.wait_closed()
        finished.set()

    server = await asyncio.start_server(read_messages, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        _, writer = await asyncio.open_connection("127.0.0.1", port)
        message = frame("hello world")
        writer.write(message[:8])  # the header and half the body...
        await asyncio.sleep(0.3)
        writer.write(message[8:])  # ...and the rest, 0.3 s later
        await asyncio.sleep(0.3)
        writer.write(frame("a message cut short")[:10])
        await asyncio.sleep(0.3)
        writer.close()  # mid-message
        await writer.wait_closed()
        await finished.wait()


asyncio.run(main())
