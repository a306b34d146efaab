"""The exercise format's reader (checked_examples/exercise.py): what it refuses, and what
counts as a starter failing for its declared reason. The exercises themselves are run by
tests/test_examples.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from checked_examples.errors import BlockError
from checked_examples.exercise import exercise_of, failed_as_declared
from checked_examples.settings import SettingsError, parse

STARTER = "examples/timeouts/exercises/add_a_deadline/starter.py"


def test_a_starter_must_say_why_it_fails(tmp_path: Path) -> None:
    with pytest.raises(BlockError, match='starter_fails="output", "time" or "exception"'):
        exercise_of(tmp_path, STARTER, None)


def test_only_a_starter_may_say_why_it_fails(tmp_path: Path) -> None:
    with pytest.raises(BlockError, match=r"exercises/<name>/starter\.py"):
        exercise_of(tmp_path, "examples/timeouts/lesson.py", "time")
    assert exercise_of(tmp_path, "examples/timeouts/lesson.py", None) is None


def test_a_typo_in_the_reason_fails_with_a_suggestion() -> None:
    with pytest.raises(SettingsError, match="did you mean 'time'"):
        parse({"duration": "1", "starter_fails": "tim"})
    assert parse({"duration": "1", "starter_fails": "time"}).starter_fails == "time"


def test_a_folder_without_its_files_says_what_to_add(tmp_path: Path) -> None:
    exercise = exercise_of(tmp_path, STARTER, "time")
    exercise.folder.mkdir(parents=True)
    (exercise.folder / "starter.py").write_text("print(1)\n")
    (exercise.folder / "notes.txt").write_text("")
    (exercise.folder / "hints.md").write_text("only one hint\n")
    problems = "\n".join(exercise.problems())
    assert "no solution.py" in problems
    assert "no wrong_<what>.py" in problems
    assert "has 1 hint(s)" in problems
    assert "notes.txt" in problems
    (exercise.folder / "notes.txt").unlink()
    (exercise.folder / "solution.py").write_text("print(1)\n")
    (exercise.folder / "wrong_prints_two.py").write_text("print(2)\n")
    (exercise.folder / "hints.md").write_text("First,\nover two lines.\n\nSecond.\n")
    assert exercise.problems() == []
    assert exercise.hints() == ["First, over two lines.", "Second."]


def test_a_time_starter_must_fail_by_time_alone() -> None:
    assert failed_as_declared("time", ["line-late", "too-long"])
    assert failed_as_declared("time", ["hang"])
    assert not failed_as_declared("time", ["output", "too-long"])
    assert not failed_as_declared("time", [])
    assert failed_as_declared("output", ["output", "too-long"])
    assert failed_as_declared("exception", ["exit"])
    assert not failed_as_declared("exception", ["too-long"])
