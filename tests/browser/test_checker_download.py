"""An exercise a browser cannot run (checked_examples/checker.py), on the streams page:
the page says why, links the checker file, which the site serves, and names the command;
the link and each hint and the solution open by keyboard alone; axe finds nothing there
in either scheme."""

from __future__ import annotations

import pytest

from browser import accessibility
from browser.accessibility import SCHEMES
from browser.conftest import DESKTOP

PATH = "streams/"
NAME = "check-say_when_you_are_done.pyz"


@pytest.fixture(scope="module")
def download_page(browser, site_url: str):
    context = browser.new_context(viewport=DESKTOP["viewport"])
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(site_url + PATH, wait_until="networkidle")
    yield page
    context.close()


def test_the_checker_is_linked_served_and_its_command_named(download_page) -> None:
    page = download_page
    box = page.locator(".example-exercise-download").filter(has_text=NAME)
    assert "Not checked in your browser: starts a TCP server" in box.inner_text()
    assert f"python {NAME} my_program.py" in box.inner_text()
    link = box.get_by_role("link", name=NAME)
    served = page.request.get(link.evaluate("a => a.href"))
    assert served.ok
    assert served.body().startswith(b"#!/usr/bin/env python3\nPK")  # a zip application
    # The keyboard reaches the link, and opens the first hint, then the solution.
    link.focus()
    assert page.evaluate("document.activeElement.textContent") == NAME
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Hint 1"
    page.keyboard.press("Enter")
    assert box.locator("details").first.evaluate("d => d.open")
    solution = box.locator("details").filter(has=page.locator("summary", has_text="solution"))
    solution.locator("summary").focus()
    page.keyboard.press("Enter")
    assert solution.evaluate("d => d.open")
    assert "writer.write_eof()" in solution.inner_text()


def test_axe_finds_nothing_with_the_hints_and_solution_open(download_page) -> None:
    page = download_page
    page.locator(".example-exercise-download details").evaluate_all(
        "all => all.forEach((d) => { d.open = true; })"
    )
    found = dict(accessibility.in_each_scheme(page, PATH))
    assert found == {scheme: [] for scheme in SCHEMES}
