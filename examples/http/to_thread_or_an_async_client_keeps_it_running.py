import asyncio
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import aiohttp


class SlowPage(BaseHTTPRequestHandler):
    def do_GET(self):
        time.sleep(0.8)  # the server's work
        self.send_response(200)
        self.send_header("Content-Length", "4")
        self.end_headers()
        self.wfile.write(b"page")

    def log_message(self, *args):  # no line per request on stderr
        pass


async def heartbeat():
    loop = asyncio.get_running_loop()
    next_beat = loop.time()
    while True:
        print("tick")
        while next_beat <= loop.time():  # skip the beats it missed
            next_beat += 0.6
        await asyncio.sleep(next_beat - loop.time())


def fetch_blocking(url):
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode()


async def fetch_async(session, url):
    async with session.get(url) as response:
        return await response.text()


async def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), SlowPage)
    # poll_interval: how soon serve_forever() notices shutdown() (default 0.5 s).
    thread = threading.Thread(target=server.serve_forever, args=(0.05,))
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}/"
    session = aiohttp.ClientSession()  # made first: it is what fix 2 needs
    # urlopen() builds its opener on first use, and since Python 3.12 that loads the
    # system's certificates (20 ms of processor work here); threads that call it at
    # once may each build one. Built once, before the heartbeat starts:
    urllib.request.install_opener(urllib.request.build_opener())
    beat = asyncio.create_task(heartbeat())
    # Fix 1: the same blocking call, each in a thread of its own.
    threads = [asyncio.to_thread(fetch_blocking, url) for _ in range(3)]
    pages = await asyncio.gather(*threads)
    print(f"to_thread: {len(pages)} pages at once")
    # Fix 2: an async client, which waits on its sockets through the loop.
    async with session:
        pages = await asyncio.gather(*(fetch_async(session, url) for _ in range(3)))
    print(f"aiohttp: {len(pages)} pages at once")
    beat.cancel()
    server.shutdown()
    server.server_close()
    thread.join()


asyncio.run(main())
