"""The Run button under each example, in Chromium: every runnable example of the built
site runs in the browser (Pyodide, CPython 3.14) and prints exactly its checked output,
each line within the example's tolerance of its checked time; the others show why not.

Python is loaded once per page and the page's examples run one after another in it;
the pages run side by side (page_runs.py says how their timing is kept clean). Nothing
of the runtime is requested before the first click, and nothing leaves 127.0.0.1
before or after it. The summary line counts how many examples ran, matched, and were
declared not runnable (conftest.py prints it). The controls themselves: test_run_controls.py.
"""

from __future__ import annotations

import pytest

from browser.page_runs import PageRun, run_every_page, shares
from browser.pages import examples_by_page, page_id
from browser.run_button import require_runtime
from example_harness.verdict import comparable

EXAMPLES = examples_by_page()
RUNNABLE = [
    path for path, examples in EXAMPLES.items() if any(e.settings().browser.runs for e in examples)
]


@pytest.fixture(autouse=True)
def runtime_installed() -> None:
    require_runtime()


@pytest.fixture(scope="module")
def page_runs(browser, site_url: str) -> dict[str, PageRun]:
    return run_every_page(browser, site_url, {path: EXAMPLES[path] for path in RUNNABLE})


def problems_of(example, settings, live) -> list[str]:
    expected = comparable(example.output.text).splitlines() if example.output else []
    problems = []
    if comparable("\n".join(live.stdout)).splitlines() != expected:
        problems.append(f"printed {live.lines}, the page says {expected}")
    elif example.output and example.output.times:
        tolerance = settings.tolerance
        problems += [
            f"line {i} {line!r} at {got:.2f} s, the page says {want:g} s (±{tolerance:g})"
            for i, (line, want, got) in enumerate(
                zip(expected, example.output.times, live.seconds, strict=True), start=1
            )
            if abs(got - want) > tolerance
        ]
    if live.matched != (not problems):
        problems.append(f"the page's verdict says {live.verdict!r} ({live.status})")
    return problems


@pytest.mark.parametrize("path", RUNNABLE, ids=page_id)
def test_every_runnable_example_prints_its_checked_output(
    page_runs: dict[str, PageRun], path: str, record_property
) -> None:
    ran = page_runs[path]
    failures = list(ran.found)
    matched = 0
    for (example, settings), live in zip(ran.runnable, ran.live, strict=False):
        if problems := problems_of(example, settings, live):
            failures.append(f"{example.where}: " + "; ".join(problems))
        elif live.matched:
            matched += 1
    if ran.live and len(ran.live) != len(ran.runnable):
        failures.append(f"{len(ran.live)} runs read for {len(ran.runnable)} Run buttons")
    failures += [f"requests or errors: {problem}" for problem in ran.problems]
    record_property("run_button", (len(ran.runnable), matched))
    assert failures == [], "\n".join(failures)


def test_a_long_page_is_shared_among_tabs_in_order() -> None:
    assert shares([]) == []
    assert shares([4, 5, 3, 12, 0, 1]) == [[0, 1], [2], [3], [4, 5]]
    assert [n for tab in shares([3.0] * 9) for n in tab] == list(range(9))
