"""On a phone-sized screen the page never scrolls sideways, code scrolls inside its own
box, and the navigation is one tap away.

The phone prefers the dark scheme, so every page is also loaded fresh in it here (the
desktop visit in test_pages.py loads light and switches to dark while open).
"""

from __future__ import annotations

import pytest

from browser.accessibility import SCHEMES
from browser.pages import all_pages, page_id

pytestmark = [pytest.mark.phone, pytest.mark.scheme("dark")]


@pytest.mark.parametrize("path", all_pages(), ids=page_id)
def test_no_sideways_page_scroll_and_code_fits(page, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    shown = page.locator("body").get_attribute("data-md-color-scheme")
    assert shown == SCHEMES["dark"], f"a phone preferring dark loads the {shown} scheme"
    width = page.evaluate("window.innerWidth")
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"the page is {scroll}px wide on a {width}px screen"
    too_wide = page.evaluate(
        """width => [...document.querySelectorAll("article pre, article .example-timeline svg")]
             .filter(el => el.getBoundingClientRect().right > width + 0.5)
             .map(el => (el.closest("[id]") || el).id || el.tagName)""",
        width,
    )
    assert too_wide == [], f"blocks reaching past the screen's edge: {too_wide}"


def test_navigation_opens_from_the_menu_button(page, site_url: str) -> None:
    page.goto(site_url + "timeouts/")
    lesson_link = page.locator(".md-nav--primary a.md-nav__link", has_text="Async iterators")

    def on_screen() -> bool:
        box = lesson_link.bounding_box()
        return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 375

    assert not on_screen(), "the drawer should start closed (off screen) on a phone"
    page.locator("label.md-header__button[for='__drawer']").click()
    page.wait_for_function(
        "el => { const r = el.getBoundingClientRect(); return r.left >= 0 && r.right <= 375; }",
        arg=lesson_link.element_handle(),
    )
    lesson_link.click()
    page.wait_for_url(site_url + "async-iterators/")
