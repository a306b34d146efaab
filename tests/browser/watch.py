"""What a page asked the network for and said on its console, as a reader's browser saw it.

The browser is started unable to resolve any host name but 127.0.0.1
(chromium.flags), so such a request fails at once instead of leaving the machine;
it is only watched here, not intercepted: Playwright's routing stalls the fetches
of Material's search worker.
"""

from __future__ import annotations

from urllib.parse import urlsplit

LOCAL_HOSTS = {"127.0.0.1"}


class Watch:
    """Watches a browser context (every tab it opens) or a single tab."""

    def __init__(self, target) -> None:
        self.requested: list[str] = []
        self.external: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        self._listening: list[tuple[object, str, object]] = []
        for event, handler in (
            ("request", self._request),
            ("requestfailed", self._failed),
            ("response", self._response),
        ):
            self._listen(target, event, handler)
        if hasattr(target, "new_page"):  # a context: its tabs, open now or later
            self._listen(target, "page", self._watch_page)
            for page in target.pages:
                self._watch_page(page)
        else:
            self._watch_page(target)

    def _listen(self, target, event: str, handler) -> None:
        target.on(event, handler)
        self._listening.append((target, event, handler))

    def stop(self) -> None:
        """Stop watching (the context lives on, for the next test's own Watch)."""
        for target, event, handler in self._listening:
            target.remove_listener(event, handler)
        self._listening.clear()

    def _request(self, request) -> None:
        self.requested.append(request.url)
        parts = urlsplit(request.url)
        if parts.scheme not in ("data", "blob") and parts.hostname not in LOCAL_HOSTS:
            self.external.append(request.url)

    def _watch_page(self, page) -> None:
        self._listen(page, "console", self._console)
        self._listen(page, "pageerror", self._uncaught)

    def _uncaught(self, error) -> None:
        self.errors.append(f"uncaught: {error}")

    def _console(self, message) -> None:
        if message.type == "error":
            self.errors.append(f"console error: {message.text} ({message.location.get('url')})")

    def _failed(self, request) -> None:
        # ERR_ABORTED is the browser cancelling a request because the page moved on (a
        # favicon still loading when the test navigates), not the site failing it; a
        # missing file still shows, as a 404 in _response.
        if request.failure == "net::ERR_ABORTED":
            return
        if request.url not in self.external:
            self.failed.append(f"{request.url} ({request.failure})")

    def _response(self, response) -> None:
        if response.status >= 400:
            self.failed.append(f"{response.url} answered {response.status}")

    def problems(self) -> list[str]:
        return (
            [f"request leaving 127.0.0.1: {url}" for url in self.external]
            + [f"failed request: {text}" for text in self.failed]
            + self.errors
        )
