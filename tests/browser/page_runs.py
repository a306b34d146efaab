"""Every page's runnable examples, run in Chromium side by side, as test_run_button.py
judges them.

Loading Python is seconds of processor work per tab, so only a few tabs load it (LANES),
once each, and then go from page to page by the theme's instant navigation, as a
reader's tab does: the page's content is swapped in and its Run buttons reuse the
Python already loaded (each page after the first that loads it again is a finding).
Each tab starts on the home page, which has no Run button, so its first page's buttons
come by instant navigation too. That works under the alias the sitemap names
(`latest/`), so the tabs browse there.

The printed lines are timed, and a tab loading or rendering a page beside tabs that
run makes their lines late (0.3 s, here, for a load). So the runs go in rounds: every
tab shows its next page, and only then do all of them run their share of examples at
once; the round ends when the last has ended. The longest shares go together, so a
round takes about as long as its longest share, and a page with more examples than the
longest single example takes is shared among tabs (`shares`).

`make test-browser` runs the rest of the browser tests beside these runs, at the lowest
priority, once Python has loaded in every tab: the file RUN_BUTTONS_LOADED names is
created then.

The runs are started by click events sent to the Run buttons, not by Playwright's
mouse clicks: those scroll and repaint the page first, about 0.1 s of processor time
each, while other pages' programs are already running. The mouse path is the one
test_run_controls.py takes.
"""

from __future__ import annotations

import os
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from browser.conftest import DESKTOP
from browser.run_button import (
    ALL_RUNS_ENDED,
    LiveRun,
    loaded,
    python_loads,
    read,
    runtime_requests,
    shown_problems,
    start_loading,
)
from browser.watch import Watch
from checked_examples.page import DocExample
from checked_examples.settings import Settings, usable_cores

SPARE = 30.0  # seconds a tab's runs may take beyond their timeouts, for the worker's queue
# Tabs that load Python. Measured here for the 63 runs: a load costs about 2.4 s of
# processor time, a round its longest share plus about a second. Alone, 5 tabs took the
# least time; beside the rest of the browser suite (make test-browser), whose pages then
# wait for the processor, 3 tabs made the whole step 2 to 7 s shorter than 5, and no
# line later (measured in alternating runs).
LANES = 3

# The page shows the Run buttons of `names`, in order, set up by run-button.mjs: after an
# instant navigation, the new page's and not the last one's.
_SHOWN = """names => {
  const boxes = [...document.querySelectorAll(".example-run[data-name]")];
  return boxes.length === names.length
    && boxes.every((box, n) => box.dataset.name === names[n] && !box.hidden);
}"""
# Follow the page's own link to `url`, as a reader's click does (the theme's instant
# navigation takes the click); false when the page has no link to it.
_FOLLOW = """url => {
  const link = [...document.querySelectorAll("a[href]")].find(a => a.href === url);
  if (link) link.click();
  return Boolean(link);
}"""


@dataclass
class PageRun:
    examples: list[DocExample]  # all of the page's, runnable or not
    runnable: list[tuple[DocExample, Settings]]
    found: list[str] = field(default_factory=list)  # what was wrong before or around the runs
    live: list[LiveRun | None] = field(default_factory=list)  # per runnable example, in order
    problems: list[str] = field(default_factory=list)  # the visits' Watches', after the runs

    @property
    def names(self) -> list[str]:
        """Every Run button's program, in page order."""
        return [example.program_name for example, _ in self.runnable]


@dataclass
class Visit:
    """Some of a page's examples (their indexes), run in one round from one tab."""

    path: str
    run: PageRun
    share: list[int]
    seconds: float


@dataclass
class Lane:
    """A tab that loads Python once and shows one page per round."""

    page: object
    url: str = ""  # the page it shows
    broken: str = ""  # why it can run nothing more
    watch: Watch | None = None  # what the page it shows asked for and said, since shown


def run_every_page(browser, site_url: str, examples: dict[str, list[DocExample]]):
    """Load Python in LANES tabs, then run every page's examples from them, in rounds.

    `site_url` is the alias's address, where instant navigation works."""
    runs, visits = {}, []
    for path, page_examples in examples.items():
        pairs = [(example, example.settings()) for example in page_examples]
        # An exercise has Check, not Run: test_exercises.py checks it.
        runnable = [pair for pair in pairs if pair[1].browser.runs and not pair[1].starter_fails]
        runs[path] = run = PageRun(page_examples, runnable)
        run.live = [None] * len(runnable)
    longest = max((s.duration for run in runs.values() for _, s in run.runnable), default=0)
    for path, run in runs.items():
        durations = [settings.duration for _, settings in run.runnable]
        for share in shares(durations, longest):
            visits.append(Visit(path, run, share, sum(durations[n] for n in share)))
    visits.sort(key=lambda visit: -visit.seconds)  # the longest together, in the first round
    rounds = [visits[n : n + LANES] for n in range(0, len(visits), LANES)]
    # One profile, as a reader's browser: the tabs after the first take the runtime
    # from its cache.
    context = browser.new_context(**DESKTOP)
    context.set_default_timeout(10_000)
    try:
        lanes = _load_python(context, site_url, rounds[0] if rounds else [])
        if signal := os.environ.get("RUN_BUTTONS_LOADED"):
            Path(signal).touch()
        for number, batch in enumerate(rounds):
            _run_round(_show(lanes, batch, site_url, first=number == 0))
            for lane, visit in zip(lanes, batch, strict=False):
                visit.run.problems += lane.watch.problems()
                if number and (again := python_loads(lane.watch.requested)):
                    visit.run.problems.append(f"instant navigation loaded Python again: {again}")
    finally:
        context.close()
    return runs


def shares(durations: list[float], limit: float) -> list[list[int]]:
    """The examples' indexes, split in order into runs of at most `limit` seconds (an
    example longer than that alone); [] for a page with none."""
    tabs: list[list[int]] = [[]]
    total = 0.0
    for n, seconds in enumerate(durations):
        if tabs[-1] and total + seconds > limit:
            tabs.append([])
            total = 0.0
        tabs[-1].append(n)
        total += seconds
    return [tab for tab in tabs if tab]


def _load_python(context, site_url: str, first: list[Visit]) -> list[Lane]:
    """A tab per visit of the first round, with Python loaded: each opens the home page,
    which has no Run button, and goes to its visit's page by instant navigation, as a
    reader does. At most one tab loads per core at a time."""
    lanes = [Lane(context.new_page(), url=site_url) for _ in first]
    for lane in lanes:
        lane.watch = Watch(lane.page)
        lane.page.goto(site_url)
        lane.page.evaluate("window.__sameDocument = true")  # gone if a link reloads the page
    arrived = _show(lanes, first, site_url, first=True)
    for lane in lanes:
        if not lane.broken and all(lane is not ready for ready, _ in arrived):
            lane.broken = "it did not reach its first page by instant navigation"
    loading = deque()
    for lane, _ in arrived:
        if early := runtime_requests(lane.watch.requested):
            lane.broken = f"the runtime was requested before a click: {early}"
            continue
        start_loading(lane.page, site_url)
        loading.append(lane)
        if len(loading) >= usable_cores():
            _wait_loaded(loading.popleft())
    while loading:
        _wait_loaded(loading.popleft())
    return lanes


def _wait_loaded(lane: Lane) -> None:
    try:
        loaded(lane.page)
    except AssertionError as error:
        lane.broken = str(error)
    except Exception:  # Playwright's TimeoutError
        lane.broken = "Python had not loaded after the time a cold load may take"


def _show(lanes: list[Lane], batch: list[Visit], site_url: str, *, first: bool) -> list:
    """Bring each visit's page to its lane's tab, all at once (the pages render side by
    side); the (lane, visit) pairs whose examples can run there. Why the others cannot
    goes into their pages' findings."""
    going = []
    for lane, visit in zip(lanes, batch, strict=False):
        url = site_url + visit.path
        if not first:
            lane.watch.stop()
            lane.watch = Watch(lane.page)
        if lane.broken:
            visit.run.found.append(f"examples {visit.share} not run: {lane.broken}")
        elif lane.url == url:
            going.append((lane, visit))
        elif lane.page.evaluate(_FOLLOW, url):
            lane.url = url
            going.append((lane, visit))
        else:
            visit.run.found.append(f"no link to {url} on {lane.url} to follow")
    return [(lane, visit) for lane, visit in going if _arrived(lane, visit)]


def _arrived(lane: Lane, visit: Visit) -> bool:
    found = visit.run.found
    lane.page.wait_for_url(lane.url)
    if not lane.page.evaluate("window.__sameDocument === true"):
        lane.broken = f"the link to {lane.url} reloaded the page: instant navigation is broken"
        found.append(lane.broken)
        return False
    try:
        lane.page.wait_for_function(_SHOWN, arg=visit.run.names)
    except Exception:  # Playwright's TimeoutError: say what the page shows instead
        found += shown_problems(lane.page, visit.run.examples)
        found.append(f"Run buttons for {visit.run.names} not all shown")
        return False
    return True


def _run_round(ready: list[tuple[Lane, Visit]]) -> None:
    """Start every ready visit's runs at once, then wait for each and read them."""
    for lane, visit in ready:
        boxes = _boxes(lane.page)
        for n in visit.share:
            boxes[n].locator(".example-run__run").dispatch_event("click")
    for lane, visit in ready:
        limit = sum(visit.run.runnable[n][1].timeout for n in visit.share) + SPARE
        try:
            lane.page.wait_for_function(ALL_RUNS_ENDED, timeout=limit * 1000)
        except Exception:  # Playwright's TimeoutError: judge what did show
            visit.run.found.append(f"the runs had not all ended after {limit:g} s")
        boxes = _boxes(lane.page)
        for n in visit.share:
            visit.run.live[n] = read(boxes[n])


def _boxes(page) -> list:
    boxes = page.locator(".example-run[data-name]")
    return [boxes.nth(n) for n in range(boxes.count())]
