"""The Run button under each example, in Chromium: every runnable example of the built site
runs in the browser (Pyodide, CPython 3.14) and prints exactly its checked output, each
line within the example's tolerance of its checked time; the others show why not.

Python loads in a few tabs, which go from the home page to page after page by instant
navigation and never load it again; a page's examples run one after another, and the
pages side by side, in rounds (page_runs.py says how their timing is kept clean).
Nothing leaves 127.0.0.1 before or after a run, and nothing of the runtime is requested
before the first click (test_pages.py checks that on every page). The summary line
counts how many examples ran, matched, and were declared not runnable (conftest.py
prints it). The controls themselves: test_run_controls.py.
"""

from __future__ import annotations

import json

import pytest

from browser.page_runs import PageRun, run_every_page, shares
from browser.run_button import require_runtime
from checked_examples.judge import Observed, judge
from checked_examples.run.wording import promise_of
from checked_examples.tools.browser_site import ALIAS
from checked_examples.tools.site_pages import examples_by_page, page_id

EXAMPLES = examples_by_page()
RUNNABLE = [
    path for path, examples in EXAMPLES.items() if any(e.settings().browser.runs for e in examples)
]


@pytest.fixture(autouse=True)
def runtime_installed() -> None:
    require_runtime()


@pytest.fixture(scope="module")
def page_runs(browser, server_url: str) -> dict[str, PageRun]:
    # Under the alias the sitemap names, where instant navigation works (page_runs.py).
    latest = f"{server_url}{ALIAS}/"
    return run_every_page(browser, latest, {path: EXAMPLES[path] for path in RUNNABLE})


def problems_of(example, settings, live) -> list[str]:
    """What is wrong with one live run: the page's verdict must be the Python judge's on the
    same run (the page runs judge.py in Pyodide; here it runs in CPython), the run must keep
    the page's promise, and the page must say what it found."""
    if live.judged is None:
        return [f"the page judged nothing ({live.status})"]
    findings = judge(promise_of(example, settings), Observed.from_browser(live.judged["observed"]))
    expected = json.loads(json.dumps([finding.as_dict() for finding in findings]))
    problems = []
    if live.judged["findings"] != expected:
        problems.append(f"the page found {live.judged['findings']}, the judge {expected}")
    problems += [f"{finding.kind}: {finding}" for finding in findings]
    if live.matched != (not findings):
        problems.append(f"the page's verdict says {live.verdict!r} ({live.status})")
    return problems


@pytest.mark.parametrize("path", RUNNABLE, ids=page_id)
def test_every_runnable_example_prints_its_checked_output(
    page_runs: dict[str, PageRun], path: str, record_property
) -> None:
    ran = page_runs[path]
    failures = list(ran.found)
    matched = 0
    worst = (0.0, "")  # the line furthest from its checked time, in tolerances
    for (example, settings), live in zip(ran.runnable, ran.live, strict=True):
        if live is None:
            failures.append(f"{example.where}: not run")
        elif problems := problems_of(example, settings, live):
            failures.append(f"{example.where}: " + "; ".join(problems))
        elif live.matched:
            matched += 1
        if live and example.output and len(example.output.times) == len(live.seconds):
            times = zip(example.output.times, live.seconds, strict=True)
            for number, (want, got) in enumerate(times, start=1):
                off = f"{example.where}, line {number}: {got - want:+.2f} s"
                worst = max(worst, (abs(got - want) / settings.tolerance, off))
    record_property("run_button_worst", worst)
    failures += [f"requests or errors: {problem}" for problem in ran.problems]
    record_property("run_button", (len(ran.runnable), matched))
    assert failures == [], "\n".join(failures)


def test_a_long_page_is_shared_among_tabs_in_order() -> None:
    assert shares([], 10) == []
    assert shares([4, 5, 3, 12, 0, 1], 10) == [[0, 1], [2], [3], [4, 5]]
    assert [n for tab in shares([3.0] * 9, 10) for n in tab] == list(range(9))
