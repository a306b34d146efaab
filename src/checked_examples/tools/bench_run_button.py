"""How long a reader waits between clicking Run and seeing the program's first line.

Three cases, each in a fresh browser profile, several times (medians printed):

- cold: the first click on a page, which loads Python (Pyodide) into a Web Worker;
- warm, same page: a second example on that page, Python already loaded;
- warm, after navigating: the reader follows a link to another page (Material's instant
  navigation keeps the worker) and clicks Run there;
- new tab: the reader opens another page in a new tab (or loads it afresh), whose worker
  starts Python again, from the memory the first tab's worker kept in Cache Storage
  (run-worker.mjs); the table says how many of these starts came from it.

For the cold click it also counts the bytes the browser fetched after the click, as
sent on the wire (text gzipped, as a static host sends it; the WebAssembly and the
standard library's zip as they are). The site is built for the address it is served
from: Material's instant navigation follows only links under `site_url`, and a site
built for another address reloads every page, and Python with it. Served from
127.0.0.1, the times are the runtime's start-up on this machine, not a network's. It
prints figures; it does not pass or fail. The aims: first line within 3 s of a cold
click and 0.5 s of a warm one.

For an exercise, the shortest a browser runs, it times Check in the same way, on the
exercise's solution put in its editor: a click on Check to the verdict on screen, cold
(Python loads first) and warm (a second Check), with the program's own run time
subtracted in the last column; and it counts the bytes the code
editor fetches when the reader first puts the cursor in it (editor.mjs and the CodeMirror
bundle), on the wire.

Standalone: `python -m checked_examples bench-run-button`; `make bench-site`
runs it after Lighthouse and puts its table in src/checked_examples/tools/site-report.md.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import time
from contextlib import ExitStack
from pathlib import Path
from tempfile import TemporaryDirectory

from ..paths import ROOT
from . import chromium, serve
from .site_pages import REVEAL, examples_by_page

FIRST_PAGE = "running-several-coroutines/"  # a runnable example whose first line is at 0 s
NEXT_PAGE = "Timeouts"  # the navigation link followed for the third case
AIMS = {"cold": 3.0, "warm, same page": 0.5, "warm, after navigating": 0.5, "new tab": 0.5}


def first_line_after_click(page, box) -> tuple[float, float]:
    """(seconds from the click to the first line on screen, that line's own program time)."""
    box.evaluate(REVEAL)
    first = box.locator(".example-run__live .example-line").first
    started = time.perf_counter()
    box.locator(".example-run__run").click()
    first.wait_for(timeout=60_000)
    waited = time.perf_counter() - started
    box.locator(".example-run__run:not([disabled])").wait_for(timeout=60_000)
    return waited, float(first.get_attribute("data-seconds") or 0)


def one_visit(browser, site_url: str) -> dict[str, tuple[float, float] | int]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(site_url + FIRST_PAGE, wait_until="networkidle")
        fetched: list = []
        # The context sees the worker's requests too (Python itself is fetched there).
        context.on("requestfinished", lambda request: fetched.append(request))
        boxes = page.locator(".example-run[data-name]")
        found: dict[str, tuple[float, float] | int] = {
            "cold": first_line_after_click(page, boxes.nth(0))
        }
        found["bytes"] = sum(
            sizes["responseBodySize"] + sizes["responseHeadersSize"]
            for sizes in (request.sizes() for request in fetched)
        )
        found["warm, same page"] = first_line_after_click(page, boxes.nth(1))
        link = page.locator(".md-nav--primary a.md-nav__link", has_text=NEXT_PAGE).first
        # In a collapsed section of the navigation: the click event alone, which is what
        # instant navigation listens for.
        link.dispatch_event("click")
        page.wait_for_url("**/timeouts/")
        found["warm, after navigating"] = first_line_after_click(
            page, page.locator(".example-run[data-name]").first
        )
        tab = context.new_page()
        tab.goto(page.url, wait_until="networkidle")
        found["new tab"] = first_line_after_click(tab, tab.locator(".example-run[data-name]").first)
        found["saved"] = tab.evaluate("document.documentElement.dataset.pythonStart") == "saved"
        return found
    finally:
        context.close()


CHECK_AIMS = {"Check, cold": 3.0, "Check, warm": 0.3}


def shortest_exercise() -> tuple[str, str, float, str]:
    """(its page's address, its key, its duration, its solution) for the shortest exercise
    a browser runs."""
    found = []
    for path, examples in examples_by_page().items():
        for example in examples:
            exercise = example.exercise()
            settings = example.settings()
            if exercise is not None and settings.browser.runs:
                solution = exercise.solution.read_text(encoding="utf-8")
                found.append((settings.duration, path, exercise.key, solution))
    duration, path, key, solution = min(found)
    return path, key, duration, solution


def verdict_after_check(box) -> tuple[float, float]:
    """(seconds from the click on Check to the verdict on screen, the program's run)."""
    verdict = box.locator(".example-run__verdict")
    box.evaluate("box => { box.querySelector('.example-run__verdict').textContent = ''; }")
    started = time.perf_counter()
    box.locator(".example-exercise__check").click()
    verdict.filter(has_text=re.compile(r"\S")).wait_for(timeout=60_000)
    waited = time.perf_counter() - started
    box.locator(".example-exercise__check:not([disabled])").wait_for(timeout=60_000)
    ran = box.evaluate("box => box.exerciseRun?.observed?.seconds ?? 0")
    return waited, float(ran)


def one_check(browser, site_url: str) -> dict[str, tuple[float, float] | int]:
    path, key, _, solution = shortest_exercise()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(site_url + path, wait_until="networkidle")
        box = page.locator(f".example-exercise[data-exercise='{key}']")
        box.evaluate(REVEAL)
        fetched: list = []
        context.on("requestfinished", lambda request: fetched.append(request))
        box.locator("textarea").focus()  # the editor takes its place on first use
        box.locator(".cm-editor").wait_for(timeout=60_000)
        box.locator("textarea").evaluate("(text, program) => { text.value = program }", solution)
        editor = sum(
            request.sizes()["responseBodySize"] + request.sizes()["responseHeadersSize"]
            for request in fetched
            if "codemirror" in request.url or "editor" in request.url
        )
        return {
            "Check, cold": verdict_after_check(box),
            "Check, warm": verdict_after_check(box),
            "editor": editor,
        }
    finally:
        context.close()


def measure(site_url: str, visits: int = 3) -> list[str]:
    """Markdown lines: a table of medians over `visits` fresh visits."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium.executable(), args=chromium.flags()
        )
        try:
            runs = [one_visit(browser, site_url) for _ in range(visits)]
            checks = [one_check(browser, site_url) for _ in range(visits)]
        finally:
            browser.close()
    lines = [
        f"Click to the first line on screen, median of {visits} fresh visits (each run's "
        "figure in brackets); the first line's own time in the program is subtracted in "
        "the last column.",
        "",
        "| case | click to first line s | aim s | click to the program's start s |",
        "| --- | --- | --- | --- |",
    ]
    for case, aim in AIMS.items():
        waits = [run[case][0] for run in runs]
        starts = [run[case][0] - run[case][1] for run in runs]
        each = ", ".join(f"{w:.2f}" for w in waits)
        lines.append(
            f"| {case} | {statistics.median(waits):.2f} ({each}) | {aim:g} | "
            f"{statistics.median(starts):.2f} |"
        )
    _, key, duration, _ = shortest_exercise()
    lines += [
        "",
        f"Check on the shortest exercise a browser runs ({key}, about {duration:g} s), median "
        f"of {visits} fresh visits; its own run time is subtracted in the last column.",
        "",
        "| case | click to verdict s | aim s | without the program's run s |",
        "| --- | --- | --- | --- |",
    ]
    for case, aim in CHECK_AIMS.items():
        waits = [check[case][0] for check in checks]
        overhead = [check[case][0] - check[case][1] for check in checks]
        each = ", ".join(f"{w:.2f}" for w in waits)
        lines.append(
            f"| {case} | {statistics.median(waits):.2f} ({each}) | {aim:g} | "
            f"{statistics.median(overhead):.2f} |"
        )
    editor_kib = statistics.median(check["editor"] for check in checks) / 1024
    lines += ["", f"The code editor, on first use: {editor_kib:,.0f} KiB on the wire (gzipped)."]
    kib = statistics.median(run["bytes"] for run in runs) / 1024
    saved = sum(bool(run["saved"]) for run in runs)
    lines += [
        "",
        f"New tab: Python started from the memory the first tab kept in {saved} of {visits} "
        "visits.",
        "",
        f"Fetched after the first click: {kib:,.0f} KiB on the wire (text gzipped, the "
        "WebAssembly and the standard library's zip as they are).",
    ]
    return lines


def built_and_served(stack: ExitStack) -> str:
    """Serve an empty folder, then build the site into it for that very address."""
    site = Path(stack.enter_context(TemporaryDirectory())) / "site"
    site.mkdir()
    url = stack.enter_context(serve.serving(site))
    mkdocs = Path(sys.executable).with_name("mkdocs")
    subprocess.run(
        [mkdocs, "build", "--quiet", "--site-dir", str(site)],
        cwd=ROOT,
        env={**os.environ, "SITE_URL": url, "NO_MKDOCS_2_WARNING": "1"},
        check=True,
    )
    return url


def main(argv: list[str] | None = None) -> int:
    if chromium.executable() is None:
        print("needs a Chromium")
        return 1
    with ExitStack() as stack:
        print("\n".join(measure(built_and_served(stack))))
    return 0
