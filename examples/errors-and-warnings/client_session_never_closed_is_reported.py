import asyncio

import aiohttp
from aiohttp import web


async def hello(request):
    return web.Response(text="hello")


async def fetch(url):
    session = aiohttp.ClientSession()
    response = await session.get(url)
    return await response.text()  # returns without closing the session


async def main():
    app = web.Application()
    app.router.add_get("/", hello)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        print(await fetch(f"http://127.0.0.1:{port}/"))
    finally:
        await runner.cleanup()


asyncio.run(main())
