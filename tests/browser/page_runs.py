"""Every page's runnable examples, run in Chromium side by side, as test_run_button.py
judges them.

The examples mostly sleep, so the pages run at the same time, each in a tab of its
own, and the whole takes about as long as the page whose examples
take longest. Loading Python is different: seconds of processor work per page. A page
loading beside pages that run makes their printed lines late (0.3 s, here), so the
runs start only once every page has loaded, and at most one page loads per core.

The runs are started by click events sent to the Run buttons, not by Playwright's
mouse clicks: those scroll and repaint the page first, about 0.1 s of processor time
each, while other pages' programs are already running. The mouse path is the one
test_run_button.py's Stop and Edit tests take.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from browser.run_button import (
    ALL_RUNS_ENDED,
    BUTTONS_SHOWN,
    LiveRun,
    loaded,
    read,
    runtime_requests,
    shown_problems,
    start_loading,
)
from browser.watch import Watch
from example_format.settings import Settings, usable_cores
from example_harness.blocks import DocExample

DESKTOP = {"viewport": {"width": 1280, "height": 900}}
SPARE = 30.0  # seconds a page's runs may take beyond their timeouts, for the worker's queue


@dataclass
class PageRun:
    runnable: list[tuple[DocExample, Settings]]
    found: list[str] = field(default_factory=list)  # what was wrong before or around the runs
    live: list[LiveRun] = field(default_factory=list)  # one per runnable example, in order
    problems: list[str] = field(default_factory=list)  # the Watch's, after the runs


def run_every_page(browser, site_url: str, examples: dict[str, list[DocExample]]):
    """Open each page, load Python where it has runnable examples, then run them all."""
    runs, opened = {}, []
    loading: deque = deque()
    # One profile, as a reader's browser: the pages after the first take the runtime
    # from its cache (here 28 s to load all of them, against 39 s with a profile each).
    context = browser.new_context(**DESKTOP)
    context.set_default_timeout(10_000)
    try:
        for path, page_examples in examples.items():
            page = context.new_page()
            watch = Watch(page)
            opened.append((path, page, watch))
            runs[path] = run = _open(page, watch, site_url + path, page_examples)
            if run.runnable and not run.found:
                start_loading(page, site_url)
                loading.append((run, page))
            if len(loading) >= usable_cores():
                _wait_loaded(*loading.popleft())
        while loading:
            _wait_loaded(*loading.popleft())
        started = [(runs[path], page) for path, page, _ in opened if _ready(runs[path])]
        for _, page in started:
            for box in _boxes(page):
                box.locator(".example-run__run").dispatch_event("click")
        for run, page in started:
            limit = sum(settings.timeout for _, settings in run.runnable) + SPARE
            try:
                page.wait_for_function(ALL_RUNS_ENDED, timeout=limit * 1000)
            except Exception:  # Playwright's TimeoutError: judge what did show
                run.found.append(f"the runs had not all ended after {limit:g} s")
            run.live = [read(box) for box in _boxes(page)]
        for path, _, watch in opened:
            runs[path].problems = watch.problems()
    finally:
        context.close()
    return runs


def _boxes(page) -> list:
    boxes = page.locator(".example-run[data-name]")
    return [boxes.nth(n) for n in range(boxes.count())]


def _ready(run: PageRun) -> bool:
    return bool(run.runnable) and not run.found


def _wait_loaded(run: PageRun, page) -> None:
    try:
        loaded(page)
    except AssertionError as error:
        run.found.append(str(error))
    except Exception:  # Playwright's TimeoutError
        run.found.append("Python had not loaded after the time a cold load may take")


def _open(page, watch: Watch, url: str, examples: list[DocExample]) -> PageRun:
    pairs = [(example, example.settings()) for example in examples]
    run = PageRun(runnable=[pair for pair in pairs if pair[1].browser.runs])
    # test_pages.py waits for the network to go quiet on every page, to see any request
    # the runtime made unasked; here the buttons being shown is enough.
    page.goto(url)
    page.wait_for_function(BUTTONS_SHOWN)
    run.found = shown_problems(page, examples)
    if early := runtime_requests(watch.requested):
        run.found.append(f"the runtime was requested before a click: {early}")
    return run
