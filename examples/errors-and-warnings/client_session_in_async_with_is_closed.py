import asyncio

import aiohttp
from aiohttp import web


async def hello(request):
    return web.Response(text="hello")


async def fetch(url):
    # Both blocks close what they opened, even if the request fails.
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return await response.text()


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
