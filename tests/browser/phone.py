"""What a phone-sized screen must never do: scroll the page sideways, or let a code
block or timeline reach past the screen's edge (they scroll inside their own box)."""

from __future__ import annotations

# A small phone (iPhone SE's CSS size): the narrowest screen the site promises to fit.
SIZE = {"width": 375, "height": 667}

_TOO_WIDE = """width => [...document.querySelectorAll("article pre, article .example-timeline svg")]
  .filter(el => el.getBoundingClientRect().right > width + 0.5)
  .map(el => (el.closest("[id]") || el).id || el.tagName)"""


def sideways(page) -> list[str]:
    """What reaches past the right edge of the page as it is now shown."""
    width = page.evaluate("window.innerWidth")
    scroll = page.evaluate("document.documentElement.scrollWidth")
    found = [] if scroll <= width else [f"the page is {scroll}px wide on a {width}px screen"]
    if too_wide := page.evaluate(_TOO_WIDE, width):
        found.append(f"blocks reaching past the screen's edge: {too_wide}")
    return found
