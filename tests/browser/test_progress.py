"""Progress (docs/assets/run/progress.mjs) and the live timeline (live-timeline.mjs).

An exercise solved by Check is marked solved on its page, in words a screen reader is
told, and stays so after a reload; the Exercises page lists every exercise of the site
(as the suite finds them) by lesson, with this one solved; Reset asks first, and then
forgets. A run, an exercise's Check as an example's Run, draws its timeline live: a mark
for each printed line beside the page's checked times, with its text alternative. axe
finds nothing on the Exercises page in either scheme or at phone width.

One page for the Check and the Run (Python loads once), on one xdist worker.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from browser import accessibility, code_editor
from browser.conftest import DESKTOP
from browser.run_button import FIRST_LOAD, require_runtime, runtime_requests
from browser.watch import Watch
from checked_examples.page import find_doc_examples
from checked_examples.paths import ROOT

pytestmark = [pytest.mark.xdist_group("progress"), pytest.mark.long]
PATH = "semaphores/"
KEY = "semaphores/two_requests_at_a_time"
SOLUTION = (ROOT / "examples" / KEY.replace("/", "/exercises/") / "solution.py").read_text(
    encoding="utf-8"
)


def site_exercises() -> list[str]:
    """Every exercise of the site, as the suite finds them: what the list must hold."""
    return [e.exercise().key for e in find_doc_examples(ROOT) if e.exercise() is not None]


@pytest.fixture(scope="module")
def solved_page(browser, site_url: str) -> Iterator[tuple[object, Watch]]:
    """The semaphores page, its exercise solved by Check."""
    require_runtime()
    context = browser.new_context(viewport=DESKTOP["viewport"])
    context.set_default_timeout(10_000)
    watch = Watch(context)
    page = context.new_page()
    page.goto(site_url + PATH, wait_until="networkidle")
    box = page.locator(f".example-exercise[data-exercise='{KEY}']")
    code_editor.put_program(box, SOLUTION)
    box.locator(".example-exercise__check").click()
    box.locator(".example-exercise__check:not([disabled])").wait_for(timeout=FIRST_LOAD * 1000)
    box.locator(".example-run__verdict:not(:empty)").wait_for()
    yield page, watch
    context.close()


def test_a_solved_exercise_is_marked_and_stays_so_after_a_reload(solved_page) -> None:
    page, watch = solved_page
    box = page.locator(f".example-exercise[data-exercise='{KEY}']")
    verdict = box.locator(".example-run__verdict")
    assert verdict.inner_text().startswith("Solved"), verdict.inner_text()
    assert verdict.get_attribute("aria-live") == "polite"  # said to a screen reader
    progress = box.locator(".example-exercise__progress")
    assert progress.is_visible()
    assert progress.inner_text().startswith("✓ Solved: kept in this browser")
    page.reload(wait_until="networkidle")
    box = page.locator(f".example-exercise[data-exercise='{KEY}']")
    box.wait_for(state="visible")
    assert "example-exercise--solved" in box.get_attribute("class")
    assert box.locator(".example-exercise__progress").is_visible()
    assert watch.problems() == []


def test_a_check_and_a_run_draw_their_timelines_live(solved_page) -> None:
    page, _ = solved_page
    box = page.locator(f".example-exercise[data-exercise='{KEY}']")
    code_editor.put_program(box, SOLUTION)
    box.locator(".example-exercise__check").click()
    # Live: the first mark is drawn while the program still runs.
    box.locator(".example-live-timeline .tl-mark--run").first.wait_for(timeout=FIRST_LOAD * 1000)
    assert box.locator(".example-exercise__check").is_disabled()
    box.locator(".example-exercise__check:not([disabled])").wait_for(timeout=FIRST_LOAD * 1000)
    lines = box.locator(".example-run__live .example-line").count()
    timeline = box.locator(".example-live-timeline")
    assert lines == 7
    assert timeline.locator(".tl-mark--run").count() == lines
    assert timeline.locator(".tl-mark--page").count() == 7  # the goal's times
    assert timeline.locator(".tl-end").count() == 1
    desc = timeline.locator("desc").text_content()
    # The run's own times, as its lines carry them (a busy machine makes them late: not
    # this test's business, which is that the timeline says what the run did).
    seconds = box.locator(".example-run__live .example-line").evaluate_all(
        "lines => lines.map(line => parseFloat(line.dataset.seconds))"
    )
    assert desc.startswith("Your run: 7 lines, at "), desc
    said = [float(t) for t in re.findall(r"([\d.]+) s", desc.split(";")[0])]
    assert len(said) == len(seconds) == 7, desc
    assert all(abs(a - b) <= 0.051 for a, b in zip(said, seconds, strict=True)), desc
    assert "The page: 7 lines, at 1.0 s, 1.0 s, 2.0 s, 2.0 s, 3.0 s" in desc
    assert timeline.locator("figcaption").inner_text().startswith("Your run: 7 lines")
    assert timeline.locator("svg").get_attribute("role") == "img"

    run = page.locator(".example-run[data-name='token_bucket_limits_starts_per_second.py']")
    run.locator(".example-run__run").click()
    run.locator(".example-run__run:not([disabled])").wait_for(timeout=FIRST_LOAD * 1000)
    printed = run.locator(".example-run__live .example-line").count()
    assert printed == 7
    assert run.locator(".example-live-timeline .tl-mark--run").count() == printed
    assert run.locator(".example-live-timeline .tl-mark--page").count() == printed


def test_the_exercises_page_lists_every_exercise_with_its_state_and_resets(
    solved_page, site_url
) -> None:
    page, watch = solved_page
    watch.requested.clear()
    page.goto(site_url + "exercises/", wait_until="networkidle")
    listed = page.locator(".exercise-list__state").evaluate_all(
        "states => states.map(s => s.dataset.exercise)"
    )
    expected = site_exercises()
    assert sorted(listed) == sorted(expected)
    assert len(expected) >= 6
    state = page.locator(f".exercise-list__state[data-exercise='{KEY}']")
    assert state.inner_text() == "✓ Solved"
    others = page.locator(".exercise-list__state").all_inner_texts()
    assert others.count("Not solved yet") == len(expected) - 1
    count = page.locator(".exercise-list__count").inner_text()
    assert count == f"You have solved 1 of {len(expected)} exercises in this browser."
    # Each links to its lesson's page, at the exercise's heading.
    link = page.locator(f"li:has(.exercise-list__state[data-exercise='{KEY}']) a")
    assert link.evaluate("a => a.href") == site_url + "semaphores/#your-turn-two-requests-at-a-time"

    reset = page.locator(".exercise-list__reset")
    reset.focus()
    page.keyboard.press("Enter")
    assert page.locator(".exercise-list__confirm").is_visible()
    page.keyboard.press("Enter")  # the focus is on Cancel: nothing is forgotten
    assert page.locator(".exercise-list__confirm").is_hidden()
    assert state.inner_text() == "✓ Solved"
    reset.click()
    page.locator(".exercise-list__yes").click()
    assert state.inner_text() == "Not solved yet"
    assert page.locator(".exercise-list__said").inner_text().startswith("Progress reset")
    assert page.evaluate("localStorage.getItem('checked-examples:solved')") is None
    page.reload(wait_until="networkidle")
    assert state.inner_text() == "Not solved yet"
    # The list needs nothing of Python.
    assert runtime_requests(watch.requested) == []


def test_the_exercises_page_is_accessible_in_both_schemes_and_fits_a_phone(page, site_url) -> None:
    page.goto(site_url + "exercises/", wait_until="networkidle")
    page.locator(".exercise-list__reset").click()  # the confirmation showing, Cancel focused
    assert accessibility.everywhere(page, "exercises/", ".exercise-list") == {}
