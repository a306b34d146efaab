"""Every page, in both colour schemes: zero axe-core violations, and enough contrast in
what axe cannot see (the CSS-drawn time gutter, the timelines' SVG)."""

from __future__ import annotations

import pytest
from axe_playwright_python.base import AXE_SCRIPT

from browser.contrast import over, parse_colour, ratio
from browser.pages import all_pages, examples_by_page, page_id

SCHEMES = {"light": "default", "dark": "slate"}
TEXT = 4.5  # WCAG AA, normal-size text
GRAPHICS = 3.0  # WCAG AA, parts of a graphic needed to understand it (1.4.11)


def axe_report(violations: list[dict]) -> str:
    lines = []
    for rule in violations:
        lines.append(f"{rule['id']} ({rule['impact']}): {rule['help']}")
        for node in rule["nodes"][:5]:
            summary = node["failureSummary"].replace("\n", " ")
            lines.append(f"    {' '.join(map(str, node['target']))}: {summary[:300]}")
    return "\n".join(lines)


def open_in_scheme(page, url: str, scheme: str) -> None:
    page.goto(url)
    got = page.locator("body").get_attribute("data-md-color-scheme")
    assert got == SCHEMES[scheme], f"asked for {scheme}, the page shows {got}"


both_schemes = pytest.mark.parametrize(
    "scheme", [pytest.param(s, marks=pytest.mark.scheme(s)) for s in SCHEMES]
)
every_page = pytest.mark.parametrize("path", all_pages(), ids=page_id)
WITH_OUTPUT = {
    path for path, examples in examples_by_page().items() if any(e.output for e in examples)
}


# For each element: its colour, then the backgrounds from it up to <html>, innermost first.
_COLOURS = """([selector, property, pseudo]) => [...document.querySelectorAll(selector)].map(el => {
  const layers = [];
  for (let at = el; at; at = at.parentElement) layers.push(getComputedStyle(at).backgroundColor);
  const where = (el.closest("[id]") || {}).id || selector;
  return [where, getComputedStyle(el, pseudo)[property], layers];
})"""


def contrasts(page, selector: str, property: str, pseudo: str | None = None):
    for where, colour, layers in page.evaluate(_COLOURS, [selector, property, pseudo]):
        background = (255.0, 255.0, 255.0, 1.0)  # the canvas under everything
        for layer in reversed(layers):
            background = over(parse_colour(layer), background)
        yield where, ratio(parse_colour(colour), background)


@both_schemes
@every_page
def test_page_is_accessible(page, site_url: str, path: str, scheme: str) -> None:
    """One load per page and scheme, for both checks: the suite's time is mostly loads."""
    open_in_scheme(page, site_url + path, scheme)
    page.evaluate(AXE_SCRIPT)
    violations = page.evaluate("axe.run(document, {resultTypes: ['violations']})")["violations"]
    checks = [
        ("time gutter", ".example-output .example-line", "color", "::before", TEXT),
        ("timeline text", ".example-timeline svg text", "fill", None, TEXT),
        ("timeline bar", ".example-timeline svg .tl-bar", "fill", None, GRAPHICS),
    ]
    measured = [
        (name, where, found, needed)
        for name, selector, prop, pseudo, needed in checks
        for where, found in contrasts(page, selector, prop, pseudo)
    ]
    if path in WITH_OUTPUT:
        assert any(m[0] == "time gutter" for m in measured), "the gutter selector matched nothing"
    low = [
        f"{name} in {where}: {found:.2f}:1, needs {needed}:1"
        for name, where, found, needed in measured
        if found < needed
    ]
    if violations or low:
        report = [axe_report(violations)] if violations else []
        report += [f"contrast axe cannot see: {line}" for line in sorted(set(low))]
        pytest.fail(f"{path or 'home'} ({scheme}):\n" + "\n".join(report), pytrace=False)
