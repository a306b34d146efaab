"""A static file server on 127.0.0.1, in a thread, as a host like GitHub Pages would serve.

Text is gzipped when the browser asks, so the weights Lighthouse reports are the
ones a reader downloads, not the raw file sizes; the sitemap names this server's
address, as the real host's names its own.
"""

from __future__ import annotations

import gzip
import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache, partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMPRESSIBLE = (".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".inv")


class _Handler(SimpleHTTPRequestHandler):
    # Keep-alive, as any real host: under HTTP/1.0 every file costs a new connection,
    # which Lighthouse's throttled mobile run charges to pages with more files.
    protocol_version = "HTTP/1.1"

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if path.name == "sitemap.xml" and path.is_file():
            return self._send(path, _for_this_host(path.read_bytes(), self.server.server_port))
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        return self._send(path, _gzipped(path, path.stat().st_mtime_ns), gzipped=True)

    def _send(self, path: Path, body: bytes, gzipped: bool = False):
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format, *args):
        pass  # a test reports what it saw; a line per request is noise


# The address the site is built for when nothing sets SITE_URL (mkdocs.yml's site_url).
BUILT_FOR = b"http://127.0.0.1:8000/"


def _for_this_host(sitemap: bytes, port: int) -> bytes:
    """The sitemap as the site's real host serves it: its addresses are the host's own.

    Material's instant navigation follows only the links its sitemap lists; built for
    127.0.0.1:8000 and served from another port, every link would reload the page.
    """
    return sitemap.replace(BUILT_FOR, f"http://127.0.0.1:{port}/".encode())


@lru_cache(maxsize=256)
def _gzipped(path: Path, mtime_ns: int) -> bytes:
    # Compressed once per file (and version of it), as a host's cache would: the suite
    # loads Python's 1.2 MB of JavaScript glue on every page that runs an example.
    return gzip.compress(path.read_bytes(), mtime=0)


@contextmanager
def serving(root: Path) -> Iterator[str]:
    """Serve `root` on a free port of 127.0.0.1; yields the base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
