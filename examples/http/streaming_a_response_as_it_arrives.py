import asyncio

import aiohttp
from aiohttp import web


async def progress(request):
    response = web.StreamResponse()
    await response.prepare(request)  # sends the headers now
    for percent in (25, 50, 75, 100):
        await asyncio.sleep(0.3)
        await response.write(f"{percent}% done\n".encode())
    await response.write_eof()
    return response


async def main():
    app = web.Application()
    app.router.add_get("/progress", progress)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    url = f"http://127.0.0.1:{runner.addresses[0][1]}/progress"
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        print(f"status {response.status}, headers in; the body follows")
        async for line in response.content:  # each line as it arrives
            print(line.decode().strip())
    await runner.cleanup()


asyncio.run(main())
