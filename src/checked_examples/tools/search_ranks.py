"""What readers type into search, and the page that answers it: names from the API, and
messages pasted as Python printed them (tracker issue 29).

`results_for` pastes a query into the real search box, as a reader does, and returns the
pages of the results in their order; the browser test (tests/browser/test_search.py)
expects the answering page first, and `python -m checked_examples search-ranks <site
folder>` prints each query's rank.
"""

from __future__ import annotations

import sys
import time
from urllib.parse import urlsplit

# The errors and warnings page, where each pasted message is a heading with its program.
ERRORS = "errors-and-warnings/"

# query typed -> the page (its address under the site) that should come first
QUERIES: dict[str, str] = {
    # Names from the API, as they are written in code.
    "get_event_loop": "asyncio-run/",
    "asyncio.get_event_loop()": "asyncio-run/",
    "FIRST_COMPLETED": "running-several-coroutines/",
    "TaskGroup.cancel": "structured-concurrency/",
    "to_thread": "common-patterns/",
    "asyncio.to_thread": "common-patterns/",
    # Messages, pasted whole (addresses and names as a real program prints them).
    "RuntimeWarning: coroutine 'main' was never awaited": ERRORS,
    "Task was destroyed but it is pending!": ERRORS,
    "Task exception was never retrieved": ERRORS,
    "RuntimeError: asyncio.run() cannot be called from a running event loop": ERRORS,
    "RuntimeError: This event loop is already running": ERRORS,
    "There is no current event loop": ERRORS,
    "got Future <Future pending> attached to a different loop": ERRORS,
    "RuntimeError: Event loop is closed": ERRORS,
    "Executing <Task pending name='Task-1' coro=<main() running at app.py:8>> took 0.503 seconds": ERRORS,  # noqa: E501
    "TypeError: a coroutine was expected, got 42": ERRORS,
    "TypeError: Passing coroutines is forbidden, use tasks explicitly.": ERRORS,
    "ValueError: Separator is not found, and chunk exceed the limit": ERRORS,
    "ResourceWarning: unclosed transport": ERRORS,
    "Unclosed client session": ERRORS,
}


# For the measurement only: the lesson that answers a message today, besides the
# errors page (None: no page answers it yet).
LESSON: dict[str, str | None] = {
    "RuntimeWarning: coroutine 'main' was never awaited": "debugging/",
    "Task was destroyed but it is pending!": "fire-and-forget-tasks/",
    "Task exception was never retrieved": "fire-and-forget-tasks/",
    "RuntimeError: asyncio.run() cannot be called from a running event loop": "asyncio-run/",
    "There is no current event loop": "asyncio-run/",
    "RuntimeError: Event loop is closed": "asyncio-run/",
    "ResourceWarning: unclosed transport": "streams/",
}


def results_for(page, site_url: str, query: str, settle_ms: int = 400) -> list[str]:
    """The pages of the search results for `query`, best first, each once, as
    addresses relative to `site_url` ("" for the home page)."""
    if not page.url.startswith(site_url):
        page.goto(site_url, wait_until="networkidle")
    box = page.get_by_role("textbox", name="Search")
    box.click()
    # Pasted, as a reader pastes a message: all but its last character at once, then that
    # key, whose keyup is what Material searches on (fill()'s input event alone is not).
    # Typing every key made Material search the index once a character: 38 s for QUERIES.
    box.fill(query[:-1])
    box.press(query[-1])
    meta = page.locator(".md-search-result__meta")
    deadline = time.monotonic() + 10
    last, stable_since = None, time.monotonic()
    # The list is redrawn as each key arrives: read it once it has stopped changing.
    while time.monotonic() < deadline:
        shown = (meta.inner_text(), _hrefs(page))
        if shown != last:
            last, stable_since = shown, time.monotonic()
        # Settled, and past Material's "Initializing search" and "Type to start searching"
        # (not "3 matching documents", which also has an "ing": that waited 10 s a query).
        elif time.monotonic() - stable_since > settle_ms / 1000 and not shown[0].startswith(
            ("Initializing", "Type to start")
        ):
            break
        page.wait_for_timeout(50)
    base = urlsplit(site_url).path
    pages: list[str] = []
    for href in last[1] if last else []:
        path = urlsplit(href).path
        where = path[len(base) :] if path.startswith(base) else path
        if where not in pages:
            pages.append(where)
    return pages


def _hrefs(page) -> list[str]:
    return page.locator(".md-search-result__link").evaluate_all("els => els.map(e => e.href)")


def rank(pages: list[str], wanted: str) -> int | None:
    """1 for the first result, None when the page is not among them."""
    return pages.index(wanted) + 1 if wanted in pages else None


def main(argv: list[str] | None = None) -> int:
    """Serve a built site and print, for each search query a reader types, the rank of the
    page that answers it and the first three results."""
    from pathlib import Path

    from playwright.sync_api import sync_playwright

    from . import chromium, serve

    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print("usage: python -m checked_examples search-ranks <built site folder>")
        return 2
    folder = argv[0]

    with serve.serving(Path(folder)) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium.executable(), args=chromium.flags()
        )
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        for query, wanted in QUERIES.items():
            pages = results_for(tab, url, query)
            lesson = LESSON.get(query)
            also = f"  lesson {lesson}: {rank(pages, lesson)}" if lesson else ""
            print(f"{rank(pages, wanted)!s:>4}  {query!r} -> {wanted}{also}  first: {pages[:3]}")
        browser.close()
    return 0
