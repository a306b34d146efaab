"""Run the example suite on every other Python >= 3.11 this machine has.

`make test` runs the whole suite on one interpreter; this script finds the
others (pyenv's versions, `python3.X` on PATH), says which it found, and runs
`make examples` with each in an environment of its own (`.venv-3.X`), so that
a version break shows before a pull request is merged. On GitHub the CI matrix
gives each version a job instead (`EVERY_PYTHON=no`). One interpreter is not an
error: the script says so and succeeds.
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OLDEST = (3, 11)
_REPORT = "import sys; print(*sys.version_info[:3], sys.abiflags)"


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


def version_of(python: Path) -> tuple[int, int, int] | None:
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


def newest_per_minor(pythons: list[Path]) -> dict[tuple[int, int], tuple[tuple, Path]]:
    best: dict[tuple[int, int], tuple[tuple, Path]] = {}
    for python in pythons:
        version = version_of(python)
        if version and (version[:2] not in best or version > best[version[:2]][0]):
            best[version[:2]] = (version, python)
    return best


def main() -> int:
    this = sys.version_info[:2]
    found = newest_per_minor(candidates())
    others = {minor: entry for minor, entry in sorted(found.items()) if minor != this}
    print(
        f"Pythons >= 3.11 on this machine: {platform.python_version()} ({sys.executable}, "
        "which ran the whole suite)"
        + "".join(f", {'.'.join(map(str, version))} ({path})" for version, path in others.values())
    )
    if not others:
        print("No other Python >= 3.11 here: CI's matrix runs the examples on the others.")
        return 0
    make = os.environ.get("MAKE", "make")
    results = {}
    for (major, minor), (_, python) in others.items():
        name = f"{major}.{minor}"
        print(f"\n== the examples on Python {name} ({python}) ==", flush=True)
        command = [
            make,
            "--no-print-directory",
            "examples",
            f"PYTHON={python}",
            f"VENV=.venv-{name}",
            "EVERY_PYTHON=no",
        ]
        results[name] = subprocess.run(command, cwd=ROOT).returncode == 0
    print(
        "\nExamples on every Python: "
        + ", ".join(f"{name} {'passed' if ok else 'FAILED'}" for name, ok in results.items())
    )
    return 0 if all(results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
