"""Clicking an example's Run button and reading what the reader then sees.

The button (docs/assets/run/run-button.mjs) runs the program in Pyodide in a Web
Worker, one page-wide worker that runs the page's examples one after another; the
first click loads Python. What it printed is read back from the page, line by line,
with the time the page shows and the precise one it keeps in data-seconds.
"""

from __future__ import annotations

from dataclasses import dataclass

from browser.copy_buttons import _REVEAL  # opens the <details> and tab an example is in

RUNTIME_PARTS = ("/assets/run/pyodide/", "/assets/run/run-worker.mjs", "/assets/run/engine.mjs")
FIRST_LOAD = 60.0  # seconds a cold load of Python may take on a loaded 2-core machine


@dataclass
class LiveRun:
    lines: list[str]  # stdout and stderr lines as shown, in order
    stdout: list[str]
    seconds: list[float]  # each stdout line's time from the program's start
    verdict: str  # the sentence the page shows
    matched: bool  # the page says it matched
    status: str


def runtime_requests(urls: list[str]) -> list[str]:
    return [url for url in urls if any(part in url for part in RUNTIME_PARTS)]


def run(page, box, timeout: float) -> LiveRun:
    """Click `box`'s Run button and wait for its verdict (or failure) to show."""
    box.evaluate(_REVEAL)
    box.locator(".example-run__run").click()
    box.locator(".example-run__run:not([disabled])").wait_for(timeout=timeout * 1000)
    return read(box)


def read(box) -> LiveRun:
    rows = box.evaluate(
        """box => [...box.querySelectorAll('.example-run__live .example-line')].map(line =>
             [line.textContent, parseFloat(line.dataset.seconds),
              line.classList.contains('example-run__stderr')])"""
    )
    verdict = box.locator(".example-run__verdict")
    return LiveRun(
        lines=[text for text, _, _ in rows],
        stdout=[text for text, _, err in rows if not err],
        seconds=[seconds for _, seconds, err in rows if not err],
        verdict=verdict.inner_text(),
        matched="example-run__verdict--same" in (verdict.get_attribute("class") or ""),
        status=box.locator(".example-run__status").inner_text(),
    )
