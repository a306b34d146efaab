"""The Run button under each example, in Chromium: every runnable example of the built
site runs in the browser (Pyodide, CPython 3.14) and prints exactly its checked output,
each line within the example's tolerance of its checked time; the others show why not.

Python is loaded once per page and the page's examples run one after another in it;
the pages run side by side (page_runs.py says how their timing is kept clean). Nothing
of the runtime is requested before the first click, and nothing leaves 127.0.0.1
before or after it. The summary line counts how many examples ran, matched, and were
declared not runnable (conftest.py prints it). Stop, Edit, Reset, the keyboard, axe
and a phone's screen are tried on the first page's gather example.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from browser import accessibility, copy_buttons, phone
from browser.accessibility import SCHEMES, show_scheme
from browser.conftest import DESKTOP, REQUIRED
from browser.page_runs import PageRun, run_every_page
from browser.pages import examples_by_page, page_id
from browser.run_button import FIRST_LOAD, read, run, runtime_built
from browser.watch import Watch
from example_harness.verdict import comparable

EXAMPLES = examples_by_page()
RUNNABLE = [
    path for path, examples in EXAMPLES.items() if any(e.settings().browser.runs for e in examples)
]
NO_RUNTIME = (
    "RUN BUTTON TESTS SKIPPED: node_modules/pyodide is missing, so the site has no Run "
    "buttons (run `npm ci`; needs Node.js). CI runs them with BROWSER_TESTS=required."
)


@pytest.fixture(autouse=True)
def runtime_installed() -> None:
    if not runtime_built():
        if REQUIRED:
            pytest.fail(NO_RUNTIME.replace("SKIPPED", "REQUIRED"), pytrace=False)
        pytest.skip(NO_RUNTIME)


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


@pytest.fixture(scope="module")
def gather(browser, site_url: str) -> Iterator[tuple[object, Watch]]:
    """The gather page, open for the tests below, one after another: Python then loads
    twice (the first click, and the fresh start after Stop), not once per test. Each
    test still sets up what it needs, so it also passes alone (`-k edit`)."""
    context = browser.new_context(
        viewport=DESKTOP["viewport"], permissions=["clipboard-read", "clipboard-write"]
    )
    context.set_default_timeout(10_000)
    watch = Watch(context)
    page = context.new_page()
    page.goto(site_url + "running-several-coroutines/", wait_until="networkidle")
    yield page, watch
    context.close()


def open_editor(box) -> None:
    if box.locator(".example-run__edit").get_attribute("aria-expanded") != "true":
        box.locator(".example-run__edit").click()


def test_stop_ends_a_run_at_once_and_the_next_run_starts_afresh(gather) -> None:
    gather_page, watch = gather
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


def test_the_controls_and_a_finished_run_are_accessible_in_both_schemes(gather) -> None:
    # Before the Edit test clicks copy buttons: the theme's "Copied to clipboard" notice
    # then stays in the page, outside its landmarks (axe's "region"), and is not ours.
    page, _ = gather
    box = page.locator(".example-run[data-name]").first
    run(page, box, FIRST_LOAD)
    open_editor(box)
    found = {}
    for scheme in SCHEMES:  # as test_pages.py does: light, then the system turns dark
        show_scheme(page, scheme)
        found[scheme] = accessibility.problems(page, "running-several-coroutines/")
    assert found == {scheme: [] for scheme in SCHEMES}


def test_edit_reset_and_keyboard_never_touch_what_the_copy_button_copies(gather) -> None:
    page, watch = gather
    show_scheme(page, "light")
    box = page.locator(".example-run[data-name]").first
    examples = EXAMPLES["running-several-coroutines/"]
    if box.locator(".example-run__edit").get_attribute("aria-expanded") == "true":
        box.locator(".example-run__reset").click()  # as the test before left it
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


def test_the_controls_fit_a_phone(gather) -> None:
    page, _ = gather
    # A phone's width and scheme on the same page: the layout follows the width (the
    # theme's one rule for touch screens is about its version selector's hover).
    page.set_viewport_size(phone.SIZE)
    show_scheme(page, "dark")
    box = page.locator(".example-run[data-name]").first
    run(page, box, FIRST_LOAD)
    open_editor(box)
    assert phone.sideways(page) == []
    # axe on the controls alone: on a phone it also flags the page's own code blocks
    # (Material's scrollable <code>), which are no part of this feature.
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(accessibility.axe_script())
    found = page.evaluate("axe.run({include: [['.example-run']]}, {resultTypes: ['violations']})")[
        "violations"
    ]
    assert accessibility.axe_report(found) == []
