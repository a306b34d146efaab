"""The path through the site by keyboard alone: a section of the navigation opens its
landing page, and the links at the foot of a page lead to the next page and back."""

from __future__ import annotations

import re

import yaml

from checked_examples.paths import ROOT

# Enough Tab presses to cross any page's header, navigation and body.
MOST_TABS = 600


def sections() -> list[tuple[str, str, str]]:
    """Each section of mkdocs.yml's nav: its title, its landing page's address and the
    title of the first page after the landing page."""

    class Loader(yaml.SafeLoader):  # mkdocs.yml's !ENV and !!python tags: not needed here
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["nav"]
    found = []
    for entry in nav:
        ((title, children),) = entry.items()
        if isinstance(children, list):
            landing = children[0]
            assert isinstance(landing, str), f"section {title!r} opens on no landing page"
            assert landing.endswith("index.md"), f"section {title!r} opens on {landing!r}"
            ((first_title, _),) = children[1].items()
            found.append((title, landing.removesuffix("index.md"), first_title))
    return found


def tab_to(page, selector: str, what: str) -> None:
    """Press Tab until the focused element matches `selector`, as a keyboard user does."""
    for _ in range(MOST_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{MOST_TABS} Tab presses never reach {what} on {page.url}")


def test_every_section_has_a_landing_page() -> None:
    titles = [title for title, _, _ in sections()]
    assert len(titles) >= 5, f"the nav has too few sections to be a path: {titles}"


def test_sections_and_previous_next_links_work_by_keyboard(page, watch, site_url) -> None:
    title, landing, first = sections()[1]  # the second section: its link sits past the first's
    page.goto(site_url, wait_until="networkidle")
    link = f'.md-nav--primary a.md-nav__link[href$="{landing}"]'
    tab_to(page, link, f"the navigation's link to {title!r}")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(site_url + landing) + "$"))
    assert page.locator("article h1").inner_text().rstrip("¶") == title  # less its permalink

    tab_to(page, ".md-footer__link--next", "the footer's link to the next page")
    label = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert label == f"Next: {first}"
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url.startswith(site_url) and url != site_url + landing)
    after = page.url
    page.locator("article h1").wait_for()

    tab_to(page, ".md-footer__link--prev", "the footer's link to the previous page")
    label = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert label == f"Previous: {title}"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(site_url + landing) + "$"))
    assert after != page.url
    assert watch.problems() == [], "\n".join(watch.problems())
