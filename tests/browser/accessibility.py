"""A page as shown, in one colour scheme: zero axe-core violations, and enough contrast in
what axe cannot see (the CSS-drawn time gutter, the timelines' SVG) or is told to leave
to this module (the text of code blocks, below).

test_pages.py runs this on every page in both schemes, in one visit: the page loads
preferring light, then the browser is told the reader's system now prefers dark, which
Material follows at once. A page switched that way computes the same colour, background
and fill for every rendered element as one loaded dark (compared element by element
when this was written; not inside a closed <details>, which test_pages.py opens), so
one load serves both schemes; test_phone.py loads every page dark.

In the second scheme axe runs only its rules about colour. Only colours change: the
palette toggle shown is the automatic one in both (the page follows the system), and
axe's full run gave the same results for every other rule, node for node, in both
schemes (compared on three pages when this was written). The colour rules are most of
axe's time, so this saves about a third of it, not more.

axe's contrast rule skips the text of code blocks, which the contrast check below
measures instead, once per distinct pair of colours. On a lesson most elements are
code tokens (1,149 of the 1,386 that rule examined on the testing page), and they
share a few dozen pairs of text colour and background: examining each took a quarter
of axe's time in the light scheme and nearly half in the dark. Every other axe rule
still examines the code blocks.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from functools import cache

from browser import phone
from browser.contrast import over, parse_colour, ratio
from checked_examples.tools.browser_site import ROOT
from checked_examples.tools.site_pages import examples_by_page

SCHEMES = {"light": "default", "dark": "slate"}  # the scheme Material names for each
TEXT = 4.5  # WCAG AA, normal-size text
GRAPHICS = 3.0  # WCAG AA, parts of a graphic needed to understand it (1.4.11)

# axe-core as package-lock.json pins it (`make test-browser` runs `npm ci` first), so
# Dependabot keeps it current; conftest.py skips the suite, loudly, without it.
AXE_CORE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

WITH_OUTPUT = {
    path for path, examples in examples_by_page().items() if any(e.output for e in examples)
}


def axe_report(violations: list[dict]) -> list[str]:
    lines = []
    for rule in violations:
        lines.append(f"{rule['id']} ({rule['impact']}): {rule['help']}")
        for node in rule["nodes"][:5]:
            summary = node["failureSummary"].replace("\n", " ")
            lines.append(f"    {' '.join(map(str, node['target']))}: {summary[:300]}")
    return lines


def show_scheme(page, scheme: str) -> None:
    """Have the reader's system prefer `scheme` and wait until Material has repainted."""
    page.emulate_media(color_scheme=scheme)
    try:
        page.wait_for_function(
            """name => document.body.getAttribute("data-md-color-scheme") === name
                 && !document.body.hasAttribute("data-md-color-switching")""",
            arg=SCHEMES[scheme],
            timeout=5_000,
        )
    except Exception:  # Playwright's TimeoutError: say what the page shows instead
        got = page.locator("body").get_attribute("data-md-color-scheme")
        raise AssertionError(f"asked for {scheme}, the page shows {got}") from None


# Each distinct colour of the elements `selector` finds (those with text of their own
# only, if asked), with the backgrounds from the element up to <html>, innermost first,
# and where it was first seen. Elements with the same colours have the same contrast.
_COLOURS = """([selector, property, pseudo, ownText]) => {
  const seen = new Set(), found = [];
  for (const el of document.querySelectorAll(selector)) {
    // What is not rendered, axe skips too; inside a closed <details> Chromium may even
    // report the colours of the scheme the page had before.
    const text = () => [...el.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.data.trim());
    if (ownText && !(text() && el.checkVisibility())) continue;
    const layers = [];
    for (let at = el; at; at = at.parentElement) layers.push(getComputedStyle(at).backgroundColor);
    const colour = getComputedStyle(el, pseudo)[property];
    const key = [colour, ...layers].join(";");
    if (seen.has(key)) continue;
    seen.add(key);
    // Where: a CSS path up to the nearest id, at most five steps.
    const path = [];
    for (let at = el; at && path.length < 5; at = at.parentElement) {
      path.unshift(at.id ? `#${at.id}` : [at.tagName.toLowerCase(), ...at.classList].join("."));
      if (at.id) break;
    }
    found.push([path.join(" > "), colour, layers]);
  }
  return found;
}"""


def contrasts(
    page, selector: str, property: str, pseudo: str | None = None, own_text: bool = False
):
    """(where, ratio) for each distinct colour pair of what `selector` finds."""
    for where, colour, layers in page.evaluate(_COLOURS, [selector, property, pseudo, own_text]):
        background = (255.0, 255.0, 255.0, 1.0)  # the canvas under everything
        for layer in reversed(layers):
            background = over(parse_colour(layer), background)
        yield where, ratio(parse_colour(colour), background)


@cache
def axe_script() -> str:
    return AXE_CORE.read_text(encoding="utf-8")


COLOUR_RULES = ["color-contrast", "link-in-text-block"]
CODE_TEXT = "pre, pre *"
# Each output line's time, on the page and under a Run button after a run.
TIME_GUTTER = ".example-output .example-line, .example-run__live .example-line"
# axe's contrast rule, told to leave code blocks' text to the check above (axe.configure
# changes the rule's own selector, which is "*").
NOT_IN_CODE = {"id": "color-contrast", "selector": "*:not(pre):not(pre *)"}


def in_each_scheme(page, path: str) -> Iterator[tuple[str, list[str]]]:
    """Show `page` light, then dark (the reader's system turning dark), and yield each
    scheme with what `problems` finds in it: in dark, axe's colour rules only."""
    for scheme in SCHEMES:
        show_scheme(page, scheme)
        yield scheme, problems(page, path, colour_only=scheme != "light")


def everywhere(page, path: str, control: str) -> dict[str, list[str]]:
    """What the checks of a control find, by where, as `page` (showing `path`) is now:
    the whole page in each scheme (`in_each_scheme`), then, at a phone's width and in each
    scheme, the page scrolling sideways and axe on `control` alone (`on`). The page is
    left light, at its own width. Nothing found: {}."""
    found = dict(in_each_scheme(page, path))
    width = page.viewport_size
    page.set_viewport_size(phone.SIZE)
    try:
        for scheme in SCHEMES:
            show_scheme(page, scheme)
            found[f"{scheme}, phone width, sideways"] = phone.sideways(page)
            found[f"{scheme}, phone width, {control}"] = on(page, control)
    finally:
        show_scheme(page, "light")
        page.set_viewport_size(width)
    return {where: seen for where, seen in found.items() if seen}


def on(page, selector: str) -> list[str]:
    """What axe (all its rules) finds on the elements `selector` matches alone, as the page
    shows now: at phone width axe also flags the theme's own parts (its drawer's
    navigation, Material's scrollable code blocks), which are no part of a control."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_script())
    found = page.evaluate(
        "where => axe.run({include: [[where]]}, {resultTypes: ['violations']})", selector
    )
    return axe_report(found["violations"])


def problems(page, path: str, *, colour_only: bool = False) -> list[str]:
    """What axe (all its rules, or those about colour) and the contrast check find on
    `page` (showing `path`) as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_script())  # once per page: the script is half a megabyte
        page.evaluate("rules => axe.configure({rules})", [NOT_IN_CODE])
    options = {"resultTypes": ["violations"]}
    if colour_only:
        options["runOnly"] = {"type": "rule", "values": COLOUR_RULES}
    violations = page.evaluate("options => axe.run(document, options)", options)["violations"]
    checks = [  # name, selector, property, pseudo-element, elements with text only, ratio
        ("code text", CODE_TEXT, "color", None, True, TEXT),
        ("time gutter", TIME_GUTTER, "color", "::before", False, TEXT),
        ("timeline text", ".example-timeline svg text", "fill", None, False, TEXT),
        ("timeline bar", ".example-timeline svg .tl-bar", "fill", None, False, GRAPHICS),
    ]
    measured = [
        (name, where, found, needed)
        for name, selector, prop, pseudo, own_text, needed in checks
        for where, found in contrasts(page, selector, prop, pseudo, own_text)
    ]
    found = axe_report(violations)
    if path in WITH_OUTPUT and not any(m[0] == "time gutter" for m in measured):
        found.append("the time gutter's selector matched nothing: the check saw no gutter")
    # Shown code only: the playground's starter is hidden once its editor holds it.
    if not any(m[0] == "code text" for m in measured) and page.locator("pre:visible").count():
        found.append("the code text's selector matched nothing: the check saw no code")
    low = {
        # Cut, not rounded, to two places, as axe does: 4.496 is not 4.50.
        f"contrast measured here, not by axe: {name} in {where}: "
        f"{math.floor(ratio * 100) / 100:.2f}:1, needs {needed}:1"
        for name, where, ratio, needed in measured
        if ratio < needed
    }
    return found + sorted(low)
