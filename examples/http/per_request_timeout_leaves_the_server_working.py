import asyncio

import aiohttp
from aiohttp import web


async def fast(request):
    await asyncio.sleep(0.2)
    return web.Response(text="fast answer")


async def slow(request):
    await asyncio.sleep(1.5)
    print("server: slow answer ready, but nobody is waiting for it")
    return web.Response(text="slow answer")


async def main():
    app = web.Application()
    app.router.add_get("/fast", fast)
    app.router.add_get("/slow", slow)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    base = f"http://127.0.0.1:{runner.addresses[0][1]}"

    timeout = aiohttp.ClientTimeout(total=0.5)  # for each request, answer included
    async with aiohttp.ClientSession(timeout=timeout) as session:
        for path in ["/fast", "/slow"]:
            try:
                async with session.get(base + path) as response:
                    print(f"{path}: {await response.text()}")
            except TimeoutError:  # aiohttp's own timeout errors are subclasses of it
                print(f"{path}: TimeoutError after 0.5 s")
    await runner.cleanup()  # waits for the slow handler to finish


asyncio.run(main())
