"""The contrast arithmetic the accessibility test relies on, against WCAG's own figures."""

from __future__ import annotations

import pytest

from browser.contrast import over, parse_colour, ratio

WHITE = (255.0, 255.0, 255.0, 1.0)
BLACK = (0.0, 0.0, 0.0, 1.0)


def test_black_on_white_is_21_to_1() -> None:
    assert ratio(BLACK, WHITE) == pytest.approx(21.0)


def test_the_lightest_grey_that_passes_aa_on_white() -> None:
    assert ratio(parse_colour("rgb(118, 118, 118)"), WHITE) == pytest.approx(4.54, abs=0.01)
    assert ratio(parse_colour("rgb(119, 119, 119)"), WHITE) < 4.5


def test_a_translucent_colour_is_blended_onto_its_background() -> None:
    # Material's light "--md-default-fg-color--light": 54 % black, #757575 on white.
    translucent = parse_colour("rgba(0, 0, 0, 0.54)")
    assert over(translucent, WHITE)[:3] == pytest.approx((117.3, 117.3, 117.3))
    assert ratio(translucent, WHITE) == pytest.approx(4.6, abs=0.05)


def test_only_computed_colours_are_read() -> None:
    assert parse_colour("rgb(1 2 3 / 0.5)") == (1.0, 2.0, 3.0, 0.5)
    with pytest.raises(ValueError, match="not a computed"):
        parse_colour("#777777")
