"""The flake hunt (tests/flake_hunt.py) measures headroom against each run's own range."""

from __future__ import annotations

import flake_hunt
import pytest


def test_flake_hunt_headroom_is_measured_against_the_range_each_run_was_judged_by() -> None:
    # duration 1 ± 0.3: a run of 1.4 s is 0.1 s past the edge, unless the machine's
    # load allowed that run 1.5x (a CPU-bound example beside a busy core).
    strict = flake_hunt.Record(seconds=[1.0, 1.4], stretches=[1.0, 1.0])
    allowed = flake_hunt.Record(seconds=[1.0, 1.4], stretches=[1.0, 1.5])
    assert flake_hunt.headroom(strict, 1.0, 0.3) == pytest.approx(-0.1 / 0.3)
    assert flake_hunt.headroom(allowed, 1.0, 0.3) == pytest.approx(0.3 / 0.3)
