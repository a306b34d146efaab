"""WCAG contrast, for what axe cannot see: CSS-drawn text (the output's time gutter)
and the text inside the timelines' SVG."""

from __future__ import annotations

import re

Colour = tuple[float, float, float, float]  # red, green, blue 0-255; alpha 0-1

_FUNCTION = re.compile(r"rgba?\(([^)]*)\)")


def parse_colour(css: str) -> Colour:
    """A computed colour as getComputedStyle gives it: rgb(...) or rgba(...)."""
    found = _FUNCTION.fullmatch(css.strip())
    if not found:
        raise ValueError(f"not a computed rgb()/rgba() colour: {css!r}")
    parts = [float(p) for p in re.split(r"[\s,/]+", found.group(1).strip()) if p]
    if len(parts) == 3:
        parts.append(1.0)
    return (parts[0], parts[1], parts[2], parts[3])


def over(top: Colour, bottom: Colour) -> Colour:
    """`top` painted over an opaque `bottom`."""
    alpha = top[3]
    return (*(t * alpha + b * (1 - alpha) for t, b in zip(top[:3], bottom[:3], strict=True)), 1.0)


def relative_luminance(colour: Colour) -> float:
    def linear(channel: float) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in colour[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def ratio(foreground: Colour, background: Colour) -> float:
    """Contrast of `foreground` (blended onto the opaque `background`) against it."""
    lighter, darker = sorted(
        (relative_luminance(over(foreground, background)), relative_luminance(background)),
        reverse=True,
    )
    return (lighter + 0.05) / (darker + 0.05)
