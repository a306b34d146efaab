"""Screenshots of the home page and the heaviest lesson in both schemes, saved for a
person to look at (artifacts/browser/, kept by CI). They pass if they were taken and
the two schemes really differ; what they show is for the reader of the artifacts."""

from __future__ import annotations

import pytest

from browser.deploy import ROOT
from browser.pages import heaviest_lesson

ARTIFACTS = ROOT / "artifacts" / "browser"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots(browser, site_url, built, scheme) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        for name, path in (("home", ""), ("lesson", heaviest_lesson(built))):
            page.goto(site_url + path, wait_until="networkidle")
            shot = ARTIFACTS / f"{name}-{scheme}.png"
            page.screenshot(path=shot, full_page=True)
            assert shot.stat().st_size > 10_000, f"{shot.name} is nearly empty"
            expected = "slate" if scheme == "dark" else "default"
            assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    finally:
        context.close()
