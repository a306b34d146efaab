"""The Pythons the examples run on: the one running the suite, and others it is given.

One pytest process, on the main environment, runs every example; `--also-python PATH`
adds an interpreter (each its own environment, `.venv-3.12`, for the examples' imports),
and its jobs run side by side with the main one's in the same schedule (schedule.py).
Whatever depends on the version, a `requires=` skip above all, asks the job's Python.

Finding the Pythons a machine has (pyenv's versions, `python3.X` on PATH) lives here
too: `python -m checked_examples every-python` uses it to build their environments.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

OLDEST = (3, 11)
_REPORT = "import sys; print(*sys.version_info[:3], sys.abiflags)"
# The part of a test id that names the Python, when the run has several: "py3.12-".
_ID_PREFIX = re.compile(r"py(\d+\.\d+)-")


@dataclass(frozen=True)
class Python:
    executable: str
    version: tuple[int, int, int]

    @property
    def minor(self) -> tuple[int, int]:
        return self.version[:2]

    @property
    def name(self) -> str:
        """`3.12`, as a `requires=` setting writes it."""
        return "{}.{}".format(*self.minor)

    @property
    def test_id(self) -> str:
        """`py3.12`, the part of a test id that says which Python ran it."""
        return f"py{self.name}"


def this_python() -> Python:
    """The interpreter running the suite: it imports the harness and records outputs."""
    return Python(sys.executable, tuple(sys.version_info[:3]))


def split_test_id(param_id: str) -> tuple[str | None, str]:
    """`py3.12-timeouts/x.py` -> ("3.12", "timeouts/x.py"); a one-Python id -> (None, id)."""
    match = _ID_PREFIX.match(param_id)
    if match is None:
        return None, param_id
    return match[1], param_id[match.end() :]


def version_of(python: Path | str) -> tuple[int, int, int] | None:
    """(3, 12, 1) for a usable CPython >= 3.11; None for anything else."""
    try:
        result = subprocess.run([python, "-c", _REPORT], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = re.fullmatch(r"(\d+) (\d+) (\d+) (\S*)\s*", result.stdout)
    # A free-threaded build (abiflags "t") would need wheels the lock may not have.
    if result.returncode != 0 or not match or "t" in match[4]:
        return None
    version = (int(match[1]), int(match[2]), int(match[3]))
    return version if version[:2] >= OLDEST else None


def candidates() -> list[Path]:
    """Interpreter paths worth asking for their version, duplicates included."""
    found = []
    for root in pyenv_roots():
        found += sorted((root / "versions").glob("*/bin/python3"))
    for minor in range(OLDEST[1], OLDEST[1] + 10):
        if path := shutil.which(f"python3.{minor}"):
            found.append(Path(path))
    return found


def pyenv_roots() -> list[Path]:
    roots = []
    if os.environ.get("PYENV_ROOT"):
        roots.append(Path(os.environ["PYENV_ROOT"]))
    if pyenv := shutil.which("pyenv"):
        result = subprocess.run([pyenv, "root"], capture_output=True, text=True)
        if result.returncode == 0 and result.stdout.strip():
            roots.append(Path(result.stdout.strip()))
    roots.append(Path.home() / ".pyenv")
    return [root for root in dict.fromkeys(roots) if (root / "versions").is_dir()]


def newest_per_minor(pythons: list[Path]) -> dict[tuple[int, int], tuple[tuple, Path]]:
    best: dict[tuple[int, int], tuple[tuple, Path]] = {}
    for python in pythons:
        version = version_of(python)
        if version and (version[:2] not in best or version > best[version[:2]][0]):
            best[version[:2]] = (version, python)
    return best
