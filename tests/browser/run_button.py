"""Clicking an example's Run button and reading what the reader then sees.

The button (docs/assets/run/run-button.mjs) runs the program in Pyodide in a Web
Worker, one page-wide worker that runs the page's examples one after another; the
first click loads Python. What it printed is read back from the page, line by line,
with the time the page shows and the precise one it keeps in data-seconds.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from browser.conftest import REQUIRED  # opens the <details> and tab an example is in
from checked_examples import runtime
from checked_examples.tools.site_pages import REVEAL

RUNTIME_PARTS = (
    "/assets/run/pyodide/",
    "/assets/run/run-worker.mjs",
    "/assets/run/engine.mjs",
    "/assets/run/checked_examples.zip",
    "/assets/run/environment.json",
    # The code editor (editor.mjs and its bundle) and the share link's module.
    "/assets/run/editor.mjs",
    "/assets/run/codemirror.mjs",
    "/assets/run/share.mjs",
)
RUN_BUTTON_MODULE = "assets/run/run-button.mjs"
FIRST_LOAD = 60.0  # seconds a cold load of Python may take on a loaded 2-core machine

# Every Run button of the page is enabled again: each of its runs has ended.
ALL_RUNS_ENDED = "() => [...document.querySelectorAll('.example-run__run')].every(b => !b.disabled)"


@dataclass
class LiveRun:
    lines: list[str]  # stdout and stderr lines as shown, in order
    stdout: list[str]
    seconds: list[float]  # each stdout line's time from the program's start
    verdict: str  # the sentence the page shows
    matched: bool  # the page says it matched
    status: str
    # What the page judged: {promise, observed, findings} (run-button.mjs), or None when
    # the run did not end (stopped, or Python failed to load).
    judged: dict | None = None


def runtime_requests(urls: list[str]) -> list[str]:
    return [url for url in urls if any(part in url for part in RUNTIME_PARTS)]


def python_loads(urls: list[str]) -> list[str]:
    """The requests that load Python itself (a page's packages come on their own)."""
    return [url for url in urls if url.endswith("/pyodide.asm.wasm")]


NO_RUNTIME = (
    "RUN BUTTON TESTS SKIPPED: the build has no Run buttons (no runtime: run `npm ci`, "
    "which needs Node.js, then `make docs`). CI runs them with BROWSER_TESTS=required."
)


def require_runtime() -> None:
    """Skip the calling test, loudly, on a build without Run buttons (fail it in CI)."""
    if not runtime_built():
        if REQUIRED:
            pytest.fail(NO_RUNTIME.replace("SKIPPED", "REQUIRED"), pytrace=False)
        pytest.skip(NO_RUNTIME)


def runtime_built() -> bool:
    """Whether the build had the runtime among its files, so shows Run buttons."""
    return runtime.installed()


def shown_problems(page, examples) -> list[str]:
    """What is wrong with the Run buttons and reasons the page shows for `examples`:
    a button for each example a browser can run (none in a build without the
    runtime), and the reason for each other one."""
    declared = [reason for e in examples if (reason := e.settings().browser.reason) is not None]
    runnable = len(examples) - len(declared) if runtime_built() else 0
    found = []
    # An exercise's Check (exercise.py) is its block's button.
    # The playground (markdown/playground.py) is no example.
    controls = (
        ".example-run[data-name]:not([hidden]):not(.example-playground), "
        ".example-exercise[data-name]:not([hidden])"
    )
    if (buttons := page.locator(controls).count()) != runnable:
        found.append(f"{buttons} Run buttons shown for {runnable} runnable examples")
    shown = page.locator(".example-run--no").all_inner_texts()
    if len(shown) != len(declared):
        found.append(f"{len(shown)} reasons shown for {len(declared)} examples declared")
    found += [
        f"reason {reason!r} not shown"
        for reason, text in zip(declared, shown, strict=False)  # a count differs: said above
        if reason not in text
    ]
    return found


def run(page, box, timeout: float) -> LiveRun:
    """Click `box`'s Run button and wait for its verdict (or failure) to show."""
    box.evaluate(REVEAL)
    box.locator(".example-run__run").click()
    box.locator(".example-run__run:not([disabled])").wait_for(timeout=timeout * 1000)
    return read(box)


def start_loading(page, site_url: str) -> None:
    """Have the page load Python now, without running anything (run-button.mjs's
    preload(), which no control calls); `loaded` waits for it."""
    page.evaluate(
        """url => { import(url).then(m => m.preload()).then(
             version => { window.__runtime = {version}; },
             error => { window.__runtime = {error: String(error)}; }); }""",
        site_url + RUN_BUTTON_MODULE,
    )


def loaded(page) -> str:
    """Wait for start_loading's Python; its version, or an AssertionError saying why not."""
    page.wait_for_function("() => window.__runtime", timeout=FIRST_LOAD * 1000)
    runtime = page.evaluate("window.__runtime")
    if "error" in runtime:
        raise AssertionError(f"Python did not load: {runtime['error']}")
    return runtime["version"]


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
        judged=box.evaluate("box => box.exampleRun ?? null"),
    )
