"""The Run button's controls, on the gather example: Stop ends a run at once, Edit and
Reset never change what the copy button copies, the keyboard alone works, axe finds
nothing in either scheme (in dark, its rules about colour, as test_pages.py runs them),
and a phone's screen fits them.

Nothing here judges a printed line's time (test_run_button.py does, with the processor
to itself), so these run beside the other browser tests, all on one xdist worker: they
share one page, where Python loads twice (the first click, and the fresh start after
Stop), not once per test. Each test still sets up what it needs, so it passes alone too
(`-k edit`).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from browser import accessibility, code_editor, copy_buttons, phone
from browser.accessibility import SCHEMES, show_scheme
from browser.conftest import DESKTOP
from browser.run_button import FIRST_LOAD, read, require_runtime, run
from browser.watch import Watch
from checked_examples.judge import comparable
from checked_examples.tools.site_pages import examples_by_page

# Long: a third of the browser run's time on one worker, started first so that the
# other worker's pages fill the rest, rather than it running alone at the end.
pytestmark = [pytest.mark.xdist_group("run-controls"), pytest.mark.long]
EXAMPLES = examples_by_page()


@pytest.fixture(autouse=True)
def runtime_installed() -> None:
    require_runtime()


@pytest.fixture(scope="module")
def gather(browser, site_url: str) -> Iterator[tuple[object, Watch]]:
    """The gather page, open for the tests below, one after another."""
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
    # Its lines, whole; their times are judged in test_run_button.py, where nothing else
    # takes the processor.
    expected = comparable(EXAMPLES["running-several-coroutines/"][0].output.text)
    assert comparable("\n".join(again.stdout)) == expected, again.verdict
    assert watch.problems() == []


def test_a_new_tab_starts_python_from_the_memory_the_first_one_kept(gather) -> None:
    gather_page, watch = gather
    box = gather_page.locator(".example-run[data-name]").first
    run(gather_page, box, FIRST_LOAD)  # the page's first start: Python afresh, then kept
    gather_page.wait_for_function(
        """async () => (await (await caches.open('asyncio-by-example-python')).keys()).length""",
        timeout=FIRST_LOAD * 1000,
    )
    tab = gather_page.context.new_page()
    try:
        tab.goto(gather_page.url, wait_until="networkidle")
        again = run(tab, tab.locator(".example-run[data-name]").first, FIRST_LOAD)
        assert tab.evaluate("document.documentElement.dataset.pythonStart") == "saved"
        expected = comparable(EXAMPLES["running-several-coroutines/"][0].output.text)
        assert comparable("\n".join(again.stdout)) == expected, again.verdict
    finally:
        tab.close()
    assert watch.problems() == []


def test_the_controls_and_a_finished_run_are_accessible_in_both_schemes(gather) -> None:
    # Before the Edit test clicks copy buttons: the theme's "Copied to clipboard" notice
    # then stays in the page, outside its landmarks (axe's "region"), and is not ours.
    page, _ = gather
    box = page.locator(".example-run[data-name]").first
    run(page, box, FIRST_LOAD)
    open_editor(box)
    found = dict(accessibility.in_each_scheme(page, "running-several-coroutines/"))
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
    content = code_editor.wait_for_editor(box)
    assert content.evaluate("el => el === document.activeElement"), "Edit moves focus to the editor"
    assert edit.get_attribute("aria-expanded") == "true"
    original = code_editor.text_of(box)
    assert original.rstrip("\n") == examples[0].program().rstrip("\n")
    assert original.endswith("\n")
    page.keyboard.press("Control+End")  # the empty line after the program
    page.keyboard.type('print("edited")')  # the editor closes ( and " and steps over them
    assert code_editor.text_of(box) == original + 'print("edited")'
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
    assert code_editor.text_of(box) == original
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
    assert accessibility.on(page, ".example-run") == []
