"""The Run button under each example, in Chromium: every runnable example of the built
site runs in the browser (Pyodide, CPython 3.14) and prints exactly its checked output,
each line within the example's tolerance of its checked time; the others show why not.

Python is loaded once per page and the page's examples run one after another in it,
as a reader would click them. Nothing of the runtime is requested before the first
click, and nothing leaves 127.0.0.1 before or after it. The summary line counts how
many examples ran, matched, and were declared not runnable (conftest.py prints it).
"""

from __future__ import annotations

import pytest

from browser import accessibility, copy_buttons
from browser.accessibility import SCHEMES, show_scheme
from browser.conftest import REQUIRED
from browser.deploy import ROOT
from browser.pages import examples_by_page, page_id
from browser.run_button import FIRST_LOAD, read, run, runtime_requests
from example_harness.verdict import comparable


def runtime_files() -> bool:
    return (ROOT / "node_modules" / "pyodide" / "pyodide.asm.wasm").is_file()


EXAMPLES = examples_by_page()
PAGES = [path for path, examples in EXAMPLES.items() if examples]
NO_RUNTIME = (
    "RUN BUTTON TESTS SKIPPED: node_modules/pyodide is missing, so the site has no Run "
    "buttons (run `npm ci`; needs Node.js). CI runs them with BROWSER_TESTS=required."
)


@pytest.fixture(autouse=True)
def runtime_installed() -> None:
    if not runtime_files():
        if REQUIRED:
            pytest.fail(NO_RUNTIME.replace("SKIPPED", "REQUIRED"), pytrace=False)
        pytest.skip(NO_RUNTIME)


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_every_runnable_example_prints_its_checked_output(
    page, watch, site_url: str, path: str, record_property
) -> None:
    page.goto(site_url + path, wait_until="networkidle")
    examples = EXAMPLES[path]
    settings = [example.settings() for example in examples]
    boxes = page.locator(".example-run[data-name]")
    reasons = page.locator(".example-run--no")
    runnable = [(e, s) for e, s in zip(examples, settings, strict=True) if s.browser.runs]
    declared = len(examples) - len(runnable)
    assert boxes.count() == len(runnable), "one Run button per runnable example"
    assert reasons.count() == declared, "one reason per example a browser cannot run"
    for n, (_, example_settings) in enumerate(
        [(e, s) for e, s in zip(examples, settings, strict=True) if not s.browser.runs]
    ):
        assert example_settings.browser.reason in reasons.nth(n).inner_text()
    assert runtime_requests(watch.requested) == [], "the runtime was requested before a click"

    failures, matched = [], 0
    for n, (example, example_settings) in enumerate(runnable):
        box = boxes.nth(n)
        timeout = example_settings.timeout + (FIRST_LOAD if n == 0 else 5)
        live = run(page, box, timeout)
        expected = comparable(example.output.text).splitlines() if example.output else []
        problems = []
        if comparable("\n".join(live.stdout)).splitlines() != expected:
            problems.append(f"printed {live.lines}, the page says {expected}")
        elif example.output and example.output.times:
            tolerance = example_settings.tolerance
            problems += [
                f"line {i} {line!r} at {got:.2f} s, the page says {want:g} s (±{tolerance:g})"
                for i, (line, want, got) in enumerate(
                    zip(expected, example.output.times, live.seconds, strict=True), start=1
                )
                if abs(got - want) > tolerance
            ]
        if live.matched != (not problems):
            problems.append(f"the page's verdict says {live.verdict!r} ({live.status})")
        if problems:
            failures.append(f"{example.where}: " + "; ".join(problems))
        elif live.matched:
            matched += 1
    assert watch.problems() == [], "requests or errors while running"
    record_property("run_button", (len(runnable), matched, declared))
    assert failures == [], "\n".join(failures)


@pytest.fixture
def gather_page(page, site_url: str):
    page.goto(site_url + "running-several-coroutines/", wait_until="networkidle")
    return page


def test_stop_ends_a_run_at_once_and_the_next_run_starts_afresh(gather_page, watch) -> None:
    box = gather_page.locator(".example-run[data-name]").first
    box.locator(".example-run__run").click()
    box.locator(".example-run__live .example-line").first.wait_for(timeout=FIRST_LOAD * 1000)
    box.locator(".example-run__stop").click()
    stopped = read(box)
    assert stopped.status == "Stopped."
    gather_page.wait_for_timeout(2500)  # the program would have printed everything by now
    assert read(box).lines == stopped.lines, "lines kept coming after Stop"
    assert len(stopped.lines) < 7
    again = run(gather_page, box, FIRST_LOAD)
    assert again.matched, again.verdict
    assert watch.problems() == []


def test_edit_reset_and_keyboard_never_touch_what_the_copy_button_copies(
    gather_page, watch
) -> None:
    page = gather_page
    box = page.locator(".example-run[data-name]").first
    examples = EXAMPLES["running-several-coroutines/"]
    edit = box.locator(".example-run__edit")
    edit.focus()
    page.keyboard.press("Enter")  # keyboard only from here on
    editor = box.locator("textarea")
    assert editor.evaluate("el => el === document.activeElement"), "Edit moves focus to the editor"
    assert edit.get_attribute("aria-expanded") == "true"
    original = editor.input_value()
    assert original.rstrip("\n") == examples[0].program().rstrip("\n")
    editor.fill(original.replace('print(f"Results: {results}")', 'print("edited")'))
    page.keyboard.press("Control+Enter")
    box.locator(".example-run__run:not([disabled])").wait_for(timeout=FIRST_LOAD * 1000)
    box.locator(".example-run__verdict--differs").wait_for()
    live = read(box)
    assert live.stdout[-1] == "edited"
    assert "+ edited" in box.locator(".example-run__diff").inner_text()
    assert copy_buttons.problems(page, examples) == [], "Edit changed what a copy button copies"
    box.locator(".example-run__reset").focus()
    page.keyboard.press("Enter")
    assert box.locator(".example-run__editor").is_hidden()
    assert editor.input_value() == original
    assert watch.problems() == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_controls_and_a_finished_run_are_accessible(gather_page, scheme: str) -> None:
    page = gather_page
    box = page.locator(".example-run[data-name]").first
    run(page, box, FIRST_LOAD)
    box.locator(".example-run__edit").click()
    show_scheme(page, scheme)
    assert accessibility.problems(page, "running-several-coroutines/") == []


@pytest.mark.phone
@pytest.mark.scheme("dark")
def test_the_controls_fit_a_phone(gather_page) -> None:
    page = gather_page
    box = page.locator(".example-run[data-name]").first
    run(page, box, FIRST_LOAD)
    box.locator(".example-run__edit").click()
    width = page.evaluate("window.innerWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # axe on the controls alone: on a phone it also flags the page's own code blocks
    # (Material's scrollable <code>), which are no part of this feature.
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(accessibility.axe_script())
    found = page.evaluate("axe.run({include: [['.example-run']]}, {resultTypes: ['violations']})")[
        "violations"
    ]
    assert accessibility.axe_report(found) == []
