"""An exercise in the page (checked_examples/exercise.py), on the semaphores page: the
starter, checked, fails for the reason its fence declares, in the solver's words; a
solution typed into the editor with the keyboard alone is marked solved, by the same
judge as the suite's; hints come one at a time, the solution after a first Check; axe
finds nothing on the controls in either scheme, and they fit a phone.

The semaphores exercise is the quickest to judge both ways: its starter runs 1 s, its
solution 3 s. The tests share one page (Python loads once) on one xdist worker, and each
sets up what it needs, so each passes alone too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from browser import accessibility, code_editor
from browser.conftest import DESKTOP
from browser.run_button import FIRST_LOAD, require_runtime
from browser.watch import Watch
from checked_examples.exercise import REASONS
from checked_examples.paths import ROOT

pytestmark = [pytest.mark.xdist_group("exercises"), pytest.mark.long]
PATH = "semaphores/"
FOLDER = ROOT / "examples" / "semaphores" / "exercises" / "two_requests_at_a_time"
# The solution, as a reader types it into the code editor (code_editor.py).
SOLUTION = (FOLDER / "solution.py").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def runtime_installed() -> None:
    require_runtime()


@pytest.fixture(scope="module")
def exercise_page(browser, site_url: str) -> Iterator[tuple[object, Watch]]:
    context = browser.new_context(viewport=DESKTOP["viewport"])
    context.set_default_timeout(10_000)
    watch = Watch(context)
    page = context.new_page()
    page.goto(site_url + PATH, wait_until="networkidle")
    yield page, watch
    context.close()


def the_exercise(page):
    box = page.locator(".example-exercise[data-name='two_requests_at_a_time.py']")
    box.wait_for(state="visible")
    return box


def checked(page, box) -> dict:
    """Press Check with the keyboard and wait for the page's verdict; what it judged."""
    box.locator(".example-exercise__check").focus()
    page.keyboard.press("Enter")
    box.locator(".example-exercise__check:not([disabled])").wait_for(timeout=FIRST_LOAD * 1000)
    box.locator(".example-run__verdict:not(:empty)").wait_for()
    return box.evaluate("box => box.exerciseRun")


def test_the_starter_fails_for_its_declared_reason_in_the_solvers_words(exercise_page) -> None:
    page, watch = exercise_page
    box = the_exercise(page)
    box.locator(".example-exercise__reset").click()
    judged = checked(page, box)
    kinds = [finding["kind"] for finding in judged["findings"]]
    assert kinds
    assert set(kinds) <= REASONS[box.get_attribute("data-starter-fails")], kinds
    verdict = box.locator(".example-run__verdict").inner_text()
    # Pages 3 to 6 come at 1 s, with pages 1 and 2, where the goal has them at 2 and 3 s:
    # early. How early is not this test's business: it runs at the lowest priority beside
    # the timed Run buttons, and a busy machine made line 3 come at 1.26 s, not 1.0 s.
    early = re.match(
        r"Not yet: line (\d+) came at ([\d.]+) s, the goal says ([\d.]+) s: "
        r"does something run before its turn\?",
        verdict,
    )
    assert early, verdict
    assert int(early[1]) >= 3, verdict  # pages 1 and 2 are on time
    assert float(early[2]) < float(early[3]), verdict
    assert "example-exercise--solved" not in box.get_attribute("class")
    assert watch.problems() == []


def test_a_solution_typed_by_keyboard_is_marked_solved_and_stays_so(exercise_page) -> None:
    page, watch = exercise_page
    box = the_exercise(page)
    # Its label leads to the editor: the code editor takes the text box's place on its
    # first focus (or has, if a test before focused it), and has the focus.
    box.locator(".example-exercise__editor label").click()
    code_editor.wait_for_editor(box)
    assert page.evaluate("document.activeElement.classList.contains('cm-content')")
    code_editor.type_program(page, box, SOLUTION)  # Tab and Shift+Tab indent it
    assert code_editor.text_of(box) == SOLUTION
    page.keyboard.press("Control+Enter")  # checks it, from the editor
    box.locator(".example-exercise__check:not([disabled])").wait_for(timeout=FIRST_LOAD * 1000)
    box.locator(".example-run__verdict:not(:empty)").wait_for()
    judged = box.evaluate("box => box.exerciseRun")
    verdict = box.locator(".example-run__verdict").inner_text()
    assert judged["findings"] == [], verdict
    assert verdict.startswith("Solved: the goal's lines"), verdict
    assert "example-exercise--solved" in box.get_attribute("class")
    # Progress is kept in this browser: the page says so after a reload.
    page.reload(wait_until="networkidle")
    box = the_exercise(page)
    assert "example-exercise--solved" in box.get_attribute("class")
    assert box.locator(".example-exercise__progress").is_visible()
    stored = page.evaluate("localStorage.getItem('checked-examples:solved')")
    assert stored == '["semaphores/two_requests_at_a_time"]'
    assert watch.problems() == []


def test_hints_come_one_at_a_time_and_the_solution_after_a_check(browser, site_url) -> None:
    # A page of its own: the solution's button must not be there before any Check.
    context = browser.new_context(viewport=DESKTOP["viewport"])
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(site_url + PATH, wait_until="networkidle")
    box = the_exercise(page)
    hint, hints = box.locator(".example-exercise__hint"), box.locator(".example-exercise__hints li")
    count = hints.count()
    assert 2 <= count <= 3
    assert hint.inner_text() == f"Show a hint (1 of {count})"
    hint.focus()
    for shown in range(1, count + 1):
        page.keyboard.press("Enter")
        assert [hints.nth(n).is_visible() for n in range(count)] == [
            n < shown for n in range(count)
        ]
    assert hint.is_disabled()
    assert hint.inner_text() == "No more hints"
    reveal = box.locator(".example-exercise__reveal")
    assert reveal.is_hidden(), "the solution is offered only after a first Check"
    checked(page, box)
    reveal.focus()
    page.keyboard.press("Enter")
    assert reveal.get_attribute("aria-expanded") == "true"
    solution = box.locator(".example-exercise__solution")
    assert solution.is_visible()
    assert solution.inner_text().rstrip("\n") == SOLUTION.rstrip("\n")
    context.close()


def test_the_controls_are_accessible_in_both_schemes_and_fit_a_phone(exercise_page) -> None:
    page, _ = exercise_page
    box = the_exercise(page)
    if box.locator(".example-exercise__reveal").is_hidden():
        checked(page, box)
    box.locator(".example-exercise__reveal").click()
    while not box.locator(".example-exercise__hint").is_disabled():
        box.locator(".example-exercise__hint").click()
    assert accessibility.everywhere(page, PATH, ".example-exercise") == {}


def test_a_starter_that_never_ends_is_stopped_at_the_timeout_and_judged_a_hang(
    browser, site_url
) -> None:
    # The queue's starter waits for a join() that never returns: the page stops it at the
    # fence's timeout, as the suite does, and the next Check starts a fresh Python.
    context = browser.new_context(viewport=DESKTOP["viewport"])
    context.set_default_timeout(10_000)
    watch = Watch(context)
    page = context.new_page()
    page.goto(site_url + "queues/", wait_until="networkidle")
    box = page.locator(".example-exercise[data-name='let_the_queue_drain.py']")
    box.wait_for(state="visible")
    timeout = float(box.get_attribute("data-timeout"))
    judged = checked(page, box)
    assert [finding["kind"] for finding in judged["findings"]] == ["hang"]
    verdict = box.locator(".example-run__verdict").inner_text()
    assert verdict == (
        f"Not yet: it was still running after {timeout:.2f} s, where the goal ends after "
        "about 1.5 s: does something wait for what never comes?"
    )
    assert box.locator(".example-run__live .example-line").all_inner_texts() == [
        "resize done",
        "crop done",
        "upload done",
    ]
    solution = ROOT / "examples" / "queues" / "exercises" / "let_the_queue_drain" / "solution.py"
    code_editor.put_program(box, solution.read_text(encoding="utf-8"))
    judged = checked(page, box)
    assert judged["findings"] == [], box.locator(".example-run__verdict").inner_text()
    assert watch.problems() == []
    context.close()


def test_a_starter_that_ends_with_an_error_is_told_so_with_the_diff(browser, site_url) -> None:
    context = browser.new_context(viewport=DESKTOP["viewport"])
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(site_url + "structured-concurrency/", wait_until="networkidle")
    box = page.locator(".example-exercise[data-name='handle_the_failed_download.py']")
    box.wait_for(state="visible")
    judged = checked(page, box)
    kinds = {finding["kind"] for finding in judged["findings"]}
    assert "exit" in kinds
    assert kinds <= REASONS["exception"] | REASONS["output"], kinds
    verdict = box.locator(".example-run__verdict").inner_text()
    assert verdict == (
        "Not yet: it ended with an error (in italics above), and the goal ends normally; "
        "it printed other lines than the goal (- the goal, + your run)."
    )
    assert box.locator(".example-run__diff").inner_text().splitlines() == [
        "- not found: missing.txt",
        "- done",
    ]
    context.close()


def test_stop_ends_a_check_at_once(browser, site_url) -> None:
    context = browser.new_context(viewport=DESKTOP["viewport"])
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(site_url + "queues/", wait_until="networkidle")
    box = page.locator(".example-exercise[data-name='let_the_queue_drain.py']")
    box.wait_for(state="visible")
    box.locator(".example-exercise__check").click()
    box.locator(".example-run__live .example-line").first.wait_for(timeout=FIRST_LOAD * 1000)
    box.locator(".example-run__stop").click()
    box.locator(".example-exercise__check:not([disabled])").wait_for()
    assert box.locator(".example-run__status").inner_text() == "Stopped."
    assert box.locator(".example-run__verdict").inner_text() == ""
    assert box.locator(".example-run__stop").is_hidden()
    context.close()
