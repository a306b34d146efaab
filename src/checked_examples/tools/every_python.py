"""Find every other Python >= 3.11 here and ready an environment for each.

`make examples-every-python` (a step of `make test`) runs the examples on every
Python this machine has, in ONE pytest run, so that the interpreters' sleeping
programs overlap while the CPU-bound ones still take turns (checked_examples/run/
schedule.py). This script finds the others (pyenv's versions, `python3.X` on PATH,
the newest of each minor version, no free-threaded builds), says on stderr which it
found, makes each its environment from the hash-checked lock (`.venv-3.X`, the
Makefile's own rule), and prints the pytest arguments that add them on stdout:

    --also-python .venv-3.12/bin/python --also-python .venv-3.13/bin/python

One interpreter is not an error: the script says so and prints nothing, and the
examples run on the one Python. On GitHub the CI matrix gives each version a job
instead (`EVERY_PYTHON=no`).
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path

from ..paths import ROOT
from ..run.pythons import candidates, newest_per_minor


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def environment_for(name: str, python: Path) -> Path | None:
    """`.venv-3.12/bin/python` with the lock installed (made or refreshed), or None."""
    venv = f".venv-{name}"
    make = os.environ.get("MAKE", "make")
    command = [
        make,
        "--no-print-directory",
        f"{venv}/.installed-from-lock",
        f"PYTHON={python}",
        f"VENV={venv}",
    ]
    # make's own output goes to stderr: stdout carries the arguments alone.
    if subprocess.run(command, cwd=ROOT, stdout=sys.stderr).returncode != 0:
        return None
    return Path(venv) / "bin" / "python"


def main(argv: list[str] | None = None) -> int:
    this = sys.version_info[:2]
    found = newest_per_minor(candidates())
    others = {minor: entry for minor, entry in sorted(found.items()) if minor != this}
    say(
        f"Pythons >= 3.11 on this machine: {platform.python_version()} ({sys.executable}, "
        "which runs pytest)"
        + "".join(f", {'.'.join(map(str, version))} ({path})" for version, path in others.values())
    )
    if not others:
        say("No other Python >= 3.11 here: the examples run on this one alone; CI's matrix")
        say("runs them on the others.")
        return 0
    arguments = []
    for (major, minor), (_, python) in others.items():
        name = f"{major}.{minor}"
        environment = environment_for(name, python)
        if environment is None:
            say(f"could not make the environment .venv-{name} for {python} (above)")
            return 1
        arguments += ["--also-python", str(environment)]
    say("The examples run on all of them in one scheduled pytest run.")
    print(" ".join(arguments))
    return 0
