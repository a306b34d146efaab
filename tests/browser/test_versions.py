"""The version selector of a mike deployment lists its versions and switches between them."""

from __future__ import annotations

import re

from checked_examples.tools.browser_site import ALIAS, NEW, OLD


def test_the_selector_lists_the_versions_and_switches(page, watch, server_url) -> None:
    page.goto(f"{server_url}{ALIAS}/timeouts/")  # the alias is a copy of the newest
    current = page.locator(".md-version__current")
    current.wait_for()  # drawn once versions.json, one level up, has loaded
    assert current.inner_text().strip() == NEW
    # A voice-control user says what they see (WCAG 2.5.3): the name holds the version.
    assert NEW in current.get_attribute("aria-label"), current.get_attribute("aria-label")
    links = page.locator(".md-version__list .md-version__link")
    assert [text.strip() for text in links.all_inner_texts()] == [NEW, OLD]

    page.locator(".md-version").hover()  # the list opens on hover, as for a mouse user
    page.locator(".md-version__list .md-version__link", has_text=OLD).click()
    # The same page in the other version, when it exists there (it does).
    page.wait_for_url(re.compile(re.escape(f"{server_url}{OLD}/timeouts/")))
    page.locator(".md-version__current").wait_for()
    assert page.locator(".md-version__current").inner_text().strip() == OLD
    assert watch.problems() == [], "\n".join(watch.problems())
