import asyncio
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


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


async def fetch(url):
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: ASYNC210
        return response.read().decode()


async def main():
    # The server runs in a thread of its own: the loop is not needed to answer.
    server = ThreadingHTTPServer(("127.0.0.1", 0), SlowPage)
    # poll_interval: how soon serve_forever() notices shutdown() (default 0.5 s).
    thread = threading.Thread(target=server.serve_forever, args=(0.05,))
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}/"
    beat = asyncio.create_task(heartbeat())
    pages = await asyncio.gather(*(fetch(url) for _ in range(3)))
    print(f"{len(pages)} pages, one after another")
    beat.cancel()
    server.shutdown()
    server.server_close()
    thread.join()


asyncio.run(main())
