"""On a phone-sized screen the page never scrolls sideways, code scrolls inside its own
box, and the navigation is one tap away.

test_pages.py narrows every page it visits to a phone's width and checks the first
two (phone.py); here a page is loaded on an emulated phone (touch, the viewport meta
tag) that prefers the dark scheme, as a reader's phone loads it.
"""

from __future__ import annotations

import pytest

from browser import phone
from browser.accessibility import SCHEMES

pytestmark = [pytest.mark.phone, pytest.mark.scheme("dark")]


@pytest.mark.parametrize("path", ["", "testing/"], ids=["home", "testing"])
def test_a_phone_loads_the_page_dark_with_nothing_sideways(page, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    shown = page.locator("body").get_attribute("data-md-color-scheme")
    assert shown == SCHEMES["dark"], f"a phone preferring dark loads the {shown} scheme"
    assert phone.sideways(page) == []


def test_navigation_opens_from_the_menu_button(page, site_url: str) -> None:
    page.goto(site_url + "timeouts/")
    # A page of the same nav section, which the drawer opens on.
    lesson_link = page.locator(".md-nav--primary a.md-nav__link", has_text="Cancellation")

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
    page.wait_for_url(site_url + "cancellation/")
