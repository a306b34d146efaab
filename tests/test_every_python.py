"""`python -m checked_examples every-python`: which interpreters it finds, and one is enough."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path

import pytest

from checked_examples.run import pythons


def fake_python(root: Path, name: str, report: str) -> Path:
    """An interpreter in a pyenv layout that answers the version question with `report`."""
    path = root / "versions" / name / "bin" / "python3"
    path.parent.mkdir(parents=True)
    path.write_text(f"#!/bin/sh\necho '{report}'\n")
    path.chmod(0o755)
    return path


def test_finds_the_newest_of_each_python_from_3_11(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYENV_ROOT", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    fake_python(tmp_path, "3.10.9", "3 10 9 ")
    fake_python(tmp_path, "3.12.1", "3 12 1 ")
    newest = fake_python(tmp_path, "3.12.4", "3 12 4 ")
    fake_python(tmp_path, "3.13.0t", "3 13 0 t")  # free-threaded: the lock's wheels may not fit
    fake_python(tmp_path, "broken", "")
    found = pythons.newest_per_minor(pythons.candidates())
    assert found == {(3, 12): ((3, 12, 4), newest)}


def test_one_python_is_reported_and_is_not_a_failure(tmp_path: Path) -> None:
    env = {**os.environ, "HOME": str(tmp_path), "PATH": str(tmp_path)}
    env.pop("PYENV_ROOT", None)
    result = subprocess.run(
        [sys.executable, "-m", "checked_examples", "every-python"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    this = platform.python_version()
    assert f"Pythons >= 3.11 on this machine: {this} ({sys.executable}" in result.stderr
    assert "No other Python >= 3.11 here" in result.stderr
    # stdout carries the pytest arguments for the other Pythons: none, so the examples
    # run on this one alone.
    assert result.stdout == ""
