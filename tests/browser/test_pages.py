"""Every page, in one visit (the suite's time is mostly page loads and axe runs):

- it loads with no console error, no failed request and nothing fetched from anywhere
  but 127.0.0.1 (the search index, fonts and scripts included), then or later;
- with every <details> opened, axe-core and the contrast check find nothing in the
  light scheme, and then, for what a scheme changes (colours), in the dark one
  (accessibility.py);
- narrowed to a phone's width, nothing reaches past the screen's edge (phone.py);
- every copy button copies what the page promises (copy_buttons.py);
- a Run button shows under each example a browser can run, the reason under each
  other one, and nothing of the Python runtime is fetched without a click (the
  runs themselves: test_run_button.py);
- the home page and the heaviest lesson are screenshotted in both schemes for a person
  to look at (artifacts/browser/, kept by CI): they pass if they were taken.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from browser import accessibility, copy_buttons, phone, run_button
from browser.conftest import DESKTOP
from browser.watch import Watch
from checked_examples.tools.browser_site import ROOT
from checked_examples.tools.site_pages import all_pages, examples_by_page, heaviest_lesson, page_id

ARTIFACTS = ROOT / "artifacts" / "browser"
EXAMPLES = examples_by_page()


def after(problems: list[str], earlier: list[str]) -> list[str]:
    """`problems` but for those in `earlier`, each taken once (one error may come twice)."""
    left = Counter(earlier)
    later = []
    for problem in problems:
        if left[problem]:
            left[problem] -= 1
        else:
            later.append(problem)
    return later


def screenshot(page, name: str, scheme: str) -> list[str]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / f"{name}-{scheme}.png"
    page.screenshot(path=shot, full_page=True)
    return [] if shot.stat().st_size > 10_000 else [f"{shot.name} is nearly empty"]


@pytest.fixture(scope="module")
def tab(browser) -> Iterator[object]:
    """One tab that visits every page in turn, as a reader's does: a new tab costs about
    a second of processor time (a renderer process, the browser's set-up of it), twice
    what the visit itself costs."""
    context = browser.new_context(
        color_scheme="light", permissions=["clipboard-read", "clipboard-write"], **DESKTOP
    )
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


@pytest.fixture
def visit(tab) -> Iterator[tuple[object, Watch]]:
    """The tab, back to a desktop preferring light, and a watch of this visit alone."""
    tab.emulate_media(color_scheme="light")
    tab.set_viewport_size(DESKTOP["viewport"])
    watch = Watch(tab.context)
    yield tab, watch
    watch.stop()


@pytest.mark.parametrize("path", all_pages(), ids=page_id)
def test_page_loads_clean_is_accessible_and_copies_right(
    visit, site_url: str, built: Path, path: str
) -> None:
    page, watch = visit
    response = page.goto(site_url + path)
    assert response is not None
    assert response.ok, f"{path or 'home'}: HTTP {response.status}"
    assert page.locator("article h1").count() == 1, "no page heading: did the page render?"
    found = {"on load": watch.problems()}
    # Everything a reader can unfold, unfolded: axe skips what is not shown, and the
    # recipes' "Source code" blocks hid line numbers at 4.47:1 from it that way.
    page.evaluate("document.querySelectorAll('article details').forEach(d => { d.open = true })")

    shots = {"": "home", heaviest_lesson(built): "lesson"}
    # Light first: the context prefers it, so nothing switches.
    for scheme, seen in accessibility.in_each_scheme(page, path):
        found[f"accessibility ({scheme})"] = seen
        if path in shots:
            found[f"screenshot ({scheme})"] = screenshot(page, shots[path], scheme)

    # Narrowed to a phone's width (the layout follows the width; test_phone.py loads
    # pages on an emulated phone too).
    page.set_viewport_size(phone.SIZE)
    found["on a phone's width"] = phone.sideways(page)
    page.set_viewport_size(DESKTOP["viewport"])

    if path in EXAMPLES:
        found["copy buttons"] = copy_buttons.problems(page, EXAMPLES[path])
        found["run buttons"] = run_button.shown_problems(page, EXAMPLES[path])
    # The network has been quiet for half a second since the load (Playwright's
    # "networkidle"), which the checks above have long given it: waiting for that
    # before them cost half a second a page.
    page.wait_for_load_state("networkidle")
    found["fetched without a click"] = run_button.runtime_requests(watch.requested)
    # Whatever went wrong after the load: while switching schemes, running axe, copying.
    found["after load"] = after(watch.problems(), found["on load"])

    report = [
        f"{kind}:\n" + "\n".join(f"  {line}" for line in lines)
        for kind, lines in found.items()
        if lines
    ]
    if report:
        pytest.fail(f"{path or 'home'}:\n" + "\n".join(report), pytrace=False)
