import asyncio

import aiohttp
from aiohttp import web

peers = set()  # the client connections the server has seen, by address


async def item(request):
    peers.add(request.transport.get_extra_info("peername"))
    await asyncio.sleep(0.5)  # the server's work
    return web.json_response({"item": int(request.match_info["n"])})


async def main():
    app = web.Application()
    app.router.add_get("/items/{n}", item)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)  # port 0: any free port
    await site.start()
    base = f"http://127.0.0.1:{runner.addresses[0][1]}"

    async def fetch(session, n):
        async with session.get(f"{base}/items/{n}") as response:
            response.raise_for_status()
            return (await response.json())["item"]

    # One session for every request: it keeps a pool of open connections.
    async with aiohttp.ClientSession() as session:
        for round_ in (1, 2):
            items = await asyncio.gather(*(fetch(session, n) for n in range(10)))
            print(f"round {round_}: {len(items)} items, {len(peers)} connections")
    await runner.cleanup()


asyncio.run(main())
