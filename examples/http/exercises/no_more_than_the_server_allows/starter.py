import asyncio

import aiohttp
from aiohttp import web

in_flight = 0


async def page(request):
    global in_flight
    if in_flight >= 4:  # this server serves four requests at a time, and refuses more
        return web.Response(status=503, text="busy")
    in_flight += 1
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
            await response.read()
            return response.status

    async with aiohttp.ClientSession() as session:
        statuses = await asyncio.gather(*(fetch(session, n) for n in range(12)))
    print(f"{statuses.count(200)} pages served, {statuses.count(503)} refused")
    await runner.cleanup()


asyncio.run(main())
