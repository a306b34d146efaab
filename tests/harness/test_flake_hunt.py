"""The flake hunt (python -m checked_examples flake-hunt) measures headroom against each
run's own range."""

from __future__ import annotations

import pytest

from checked_examples.run.pythons import split_test_id
from checked_examples.tools import flake_hunt


def test_flake_hunt_headroom_is_measured_against_the_range_each_run_was_judged_by() -> None:
    # duration 1 ± 0.3: a run of 1.4 s is 0.1 s past the edge, unless the machine's
    # load allowed that run 1.5x (a CPU-bound example beside a busy core).
    strict = flake_hunt.Record(seconds=[1.0, 1.4], stretches=[1.0, 1.0])
    allowed = flake_hunt.Record(seconds=[1.0, 1.4], stretches=[1.0, 1.5])
    assert flake_hunt.headroom(strict, 1.0, 0.3) == pytest.approx(-0.1 / 0.3)
    assert flake_hunt.headroom(allowed, 1.0, 0.3) == pytest.approx(0.3 / 0.3)


def test_flake_hunt_reads_the_example_from_a_multi_python_test_id() -> None:
    # The plugin's ids with --also-python: the Python first (test_pythons.py runs them).
    assert split_test_id("py3.12-page/lesson.py") == ("3.12", "page/lesson.py")
    assert split_test_id("page/lesson.py") == (None, "page/lesson.py")
