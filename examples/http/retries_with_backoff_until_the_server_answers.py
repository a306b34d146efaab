import asyncio

import aiohttp
from aiohttp import web

calls = 0


async def flaky(request):
    global calls
    calls += 1
    if calls <= 2:  # fails the first two times
        return web.Response(status=503, text="busy, try later")
    return web.Response(text="here it is")


async def get_with_retries(session, url, attempts=4, first_delay=0.2):
    delay = first_delay
    for attempt in range(1, attempts + 1):
        try:
            async with session.get(url) as response:
                response.raise_for_status()
                return await response.text()
        except aiohttp.ClientResponseError as error:
            if error.status < 500 or attempt == attempts:
                raise  # a client error, or no attempts left: retrying will not help
            print(f"attempt {attempt}: {error.status}, retrying in {delay} s")
        await asyncio.sleep(delay)
        delay *= 2  # backoff: wait longer each time


async def main():
    app = web.Application()
    app.router.add_get("/report", flaky)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    url = f"http://127.0.0.1:{runner.addresses[0][1]}/report"
    async with aiohttp.ClientSession() as session:
        print(f"got: {await get_with_retries(session, url)}")
    await runner.cleanup()


asyncio.run(main())
