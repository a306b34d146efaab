"""Every page loads with no console error, no failed request and nothing fetched
from anywhere but 127.0.0.1 (the search index, fonts and scripts included)."""

from __future__ import annotations

import pytest

from browser.pages import all_pages, page_id


@pytest.mark.parametrize("path", all_pages(), ids=page_id)
def test_page_loads_cleanly(page, watch, site_url: str, path: str) -> None:
    response = page.goto(site_url + path, wait_until="networkidle")
    assert response is not None
    assert response.ok, f"{path or 'home'}: HTTP {response.status}"
    assert page.locator("article h1").count() == 1, "no page heading: did the page render?"
    assert watch.problems() == [], "\n".join(watch.problems())
