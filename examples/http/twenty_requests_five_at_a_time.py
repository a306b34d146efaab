import asyncio

import aiohttp
from aiohttp import web

in_flight = most_at_once = 0


async def page(request):
    global in_flight, most_at_once
    in_flight += 1
    most_at_once = max(most_at_once, in_flight)
    await asyncio.sleep(0.2)
    in_flight -= 1
    return web.Response(text=request.match_info["n"])


async def main():
    app = web.Application()
    app.router.add_get("/pages/{n}", page)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    base = f"http://127.0.0.1:{runner.addresses[0][1]}"

    async def fetch(session, n):
        async with session.get(f"{base}/pages/{n}") as response:
            return await response.text()

    # The connector opens at most 5 connections; other requests wait for one.
    connector = aiohttp.TCPConnector(limit=5)
    async with aiohttp.ClientSession(connector=connector) as session:
        async with asyncio.timeout(2):  # for the whole batch
            pages = await asyncio.gather(*(fetch(session, n) for n in range(20)))
    print(f"{len(pages)} pages, the server saw at most {most_at_once} at once")
    await runner.cleanup()


asyncio.run(main())
