"""Every page's runnable examples, run in Chromium side by side, as test_run_button.py
judges them.

The examples mostly sleep, so the pages run at the same time, each in a tab of its
own (two or more for a page with over TAB_SECONDS of examples), and the whole takes
about as long as the longest tab's examples. Loading Python is different: seconds of
processor work per tab. A tab loading beside tabs that run makes their printed lines
late (0.3 s, here), so the runs start only once every tab has loaded, and at most one
tab loads per core.

The runs are started by click events sent to the Run buttons, not by Playwright's
mouse clicks: those scroll and repaint the page first, about 0.1 s of processor time
each, while other pages' programs are already running. The mouse path is the one
test_run_controls.py takes.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from browser.conftest import DESKTOP
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

SPARE = 30.0  # seconds a tab's runs may take beyond their timeouts, for the worker's queue
# A page whose examples take longer than this in all is run from two tabs or more,
# each with its own Python: one more load costs about a second here, and the pages'
# runs last as long as the longest tab's (16 s for one page, 10 s for the next).
TAB_SECONDS = 10.0


@dataclass
class PageRun:
    runnable: list[tuple[DocExample, Settings]]
    found: list[str] = field(default_factory=list)  # what was wrong before or around the runs
    live: list[LiveRun | None] = field(default_factory=list)  # per runnable example, in order
    problems: list[str] = field(default_factory=list)  # the tabs' Watches', after the runs


@dataclass
class Tab:
    """One tab showing a page, and which of its Run buttons it clicks (their indexes)."""

    run: PageRun
    page: object
    watch: Watch
    share: list[int]


def run_every_page(browser, site_url: str, examples: dict[str, list[DocExample]]):
    """Open each page, load Python in its tabs, then run all their examples at once."""
    runs = {}
    tabs: list[Tab] = []
    loading: deque[Tab] = deque()
    # One profile, as a reader's browser: the tabs after the first take the runtime
    # from its cache (here 28 s to load 14 pages, against 39 s with a profile each).
    context = browser.new_context(**DESKTOP)
    context.set_default_timeout(10_000)
    try:
        for path, page_examples in examples.items():
            pairs = [(example, example.settings()) for example in page_examples]
            runs[path] = run = PageRun(runnable=[pair for pair in pairs if pair[1].browser.runs])
            run.live = [None] * len(run.runnable)
            for share in shares([settings.duration for _, settings in run.runnable]):
                page = context.new_page()
                tab = Tab(run, page, Watch(page), share)
                tabs.append(tab)
                run.found += _open(tab, site_url + path, page_examples)
                if not run.found:
                    start_loading(page, site_url)
                    loading.append(tab)
                if len(loading) >= usable_cores():
                    _wait_loaded(loading.popleft())
        while loading:
            _wait_loaded(loading.popleft())
        started = [tab for tab in tabs if not tab.run.found]
        for tab in started:
            boxes = _boxes(tab.page)
            for n in tab.share:
                boxes[n].locator(".example-run__run").dispatch_event("click")
        for tab in started:
            limit = sum(tab.run.runnable[n][1].timeout for n in tab.share) + SPARE
            try:
                tab.page.wait_for_function(ALL_RUNS_ENDED, timeout=limit * 1000)
            except Exception:  # Playwright's TimeoutError: judge what did show
                tab.run.found.append(f"the runs had not all ended after {limit:g} s")
            boxes = _boxes(tab.page)
            for n in tab.share:
                tab.run.live[n] = read(boxes[n])
        for tab in tabs:
            tab.run.problems += tab.watch.problems()
    finally:
        context.close()
    return runs


def shares(durations: list[float]) -> list[list[int]]:
    """The examples' indexes, split in order into runs of at most TAB_SECONDS (an example
    longer than that alone); [] for a page with none."""
    tabs: list[list[int]] = [[]]
    total = 0.0
    for n, seconds in enumerate(durations):
        if tabs[-1] and total + seconds > TAB_SECONDS:
            tabs.append([])
            total = 0.0
        tabs[-1].append(n)
        total += seconds
    return [tab for tab in tabs if tab]


def _boxes(page) -> list:
    boxes = page.locator(".example-run[data-name]")
    return [boxes.nth(n) for n in range(boxes.count())]


def _wait_loaded(tab: Tab) -> None:
    try:
        loaded(tab.page)
    except AssertionError as error:
        tab.run.found.append(str(error))
    except Exception:  # Playwright's TimeoutError
        tab.run.found.append("Python had not loaded after the time a cold load may take")


def _open(tab: Tab, url: str, examples: list[DocExample]) -> list[str]:
    """Load the page and say what is wrong with what it shows before a click."""
    # test_pages.py waits for the network to go quiet on every page, to see any request
    # the runtime made unasked; here the buttons being shown is enough.
    tab.page.goto(url)
    tab.page.wait_for_function(BUTTONS_SHOWN)
    found = shown_problems(tab.page, examples)
    if early := runtime_requests(tab.watch.requested):
        found.append(f"the runtime was requested before a click: {early}")
    return found
