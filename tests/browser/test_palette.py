"""The light/dark toggle switches the scheme, and the choice follows the reader
from page to page, by link (instant navigation) and by a fresh load."""

from __future__ import annotations

from browser.contrast import parse_colour, relative_luminance


def scheme_and_darkness(page) -> tuple[str, float]:
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    return scheme, relative_luminance(parse_colour(background))


def test_the_toggle_switches_to_dark_and_the_choice_persists(page, watch, site_url) -> None:
    page.goto(site_url)  # the context prefers light
    assert scheme_and_darkness(page)[0] == "default"

    # Three states, in Material's order: system -> light -> dark.
    page.locator("label[title='Switch to light mode']:visible").click()
    page.locator("label[title='Switch to dark mode']:visible").click()
    scheme, luminance = scheme_and_darkness(page)
    assert scheme == "slate"
    assert luminance < 0.05, "the scheme attribute changed but the page did not turn dark"

    page.locator("a.md-footer__link--next").click()  # instant navigation, no reload
    page.wait_for_url(lambda url: url.rstrip("/") != site_url.rstrip("/"))
    assert scheme_and_darkness(page)[0] == "slate", "lost on following a link"

    page.goto(site_url + "timeouts/")  # a fresh load reads the stored choice
    assert scheme_and_darkness(page)[0] == "slate", "lost on a fresh page load"
    assert page.locator("label[title='Switch to system preference']:visible").count() == 1
    assert watch.problems() == [], "\n".join(watch.problems())
