"""The downloadable checkers: for each exercise a browser cannot run (its fence says
`browser="no: ..."`: subprocesses, sockets, threads, signals), one file a reader runs
with Python alone, `python check-<exercise>.pyz my_program.py`, which runs their program
as the suite does and says what the page's Check would (local_check.py).

Each is a zip application (the standard library's zipapp format: a zip with a
`__main__.py`) holding the modules local_check.py imports from this package, as they
are (nothing copied by hand), the words of docs/assets/run/goal-words.json, and the
exercise's goal as data: its output block's lines and times, and its fence's duration,
tolerance, timeout, raises and warns. `python -m checked_examples runtime` (which
`make` runs before every build) writes them into docs/assets/run/checkers/, where git
ignores them and both MkDocs and Zensical copy them into the site; the page links to its
exercise's file (markdown/run_html.py).
"""

from __future__ import annotations

import dataclasses
import json
import zipfile
from pathlib import Path

from .paths import DOCS, ROOT

TARGET = DOCS / "assets" / "run" / "checkers"
WORDS = DOCS / "assets" / "run" / "goal-words.json"
# What local_check.py imports, itself included; a test checks the list is complete.
MODULES = (
    "__init__.py",
    "goal_words.py",
    "judge.py",
    "local_check.py",
    "program.py",
    "run/child.py",
)
MAIN = """\
import sys

if sys.version_info < (3, 11):
    sys.exit("this checker needs Python 3.11 or newer")
from checked_examples.local_check import main

raise SystemExit(main())
"""
# A fixed date: the same inputs make the same bytes, so a rebuild changes nothing.
_DATE = (2020, 1, 1, 0, 0, 0)


def file_name(exercise_name: str) -> str:
    return f"check-{exercise_name}.pyz"


# Links to the files are written relative to the page's file, docs/<page>.md, as in
# Markdown: Zensical rewrites them for the page's address, and so does docs/_support/hooks.py
# for MkDocs (which leaves a fence's raw HTML as it is).
LINK_PREFIX = "assets/run/checkers/"


def href(exercise_name: str) -> str:
    """The file's address from its page's file (docs/<page>.md)."""
    return LINK_PREFIX + file_name(exercise_name)


def installed(exercise_name: str, target: Path = TARGET) -> bool:
    return (target / file_name(exercise_name)).is_file()


def goal(example) -> dict:
    """An exercise's goal as the checker reads it (local_check.load_goal)."""
    from .run.wording import promise_of

    settings = example.settings()
    return {
        "name": example.exercise().name,
        "promise": dataclasses.asdict(promise_of(example, settings)),
        "timeout": settings.timeout,
    }


def build(goal_data: dict, path: Path) -> Path:
    """Write the checker for `goal_data` at `path`."""
    package = Path(__file__).parent
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    with temporary.open("wb") as file:
        file.write(b"#!/usr/bin/env python3\n")
        with zipfile.ZipFile(file, "w", zipfile.ZIP_DEFLATED) as archive:

            def add(name: str, data: bytes) -> None:
                archive.writestr(zipfile.ZipInfo(name, date_time=_DATE), data, zipfile.ZIP_DEFLATED)

            add("__main__.py", MAIN.encode())
            for name in MODULES:
                add(f"checked_examples/{name}", (package / name).read_bytes())
            add("checked_examples/run/__init__.py", b"")
            add("checked_examples/goal-words.json", WORDS.read_bytes())
            add("checked_examples/goal.json", json.dumps(goal_data, indent=1).encode())
    # `make serve` rebuilds when a file under docs/ changes: the same bytes are no change.
    if path.is_file() and path.read_bytes() == temporary.read_bytes():
        temporary.unlink()
    else:
        temporary.replace(path)
    return path


def exercises_to_check(root: Path = ROOT) -> list:
    """Every exercise's block on the site whose program a browser cannot run."""
    from .page import find_doc_examples

    found = []
    for example in find_doc_examples(root):
        try:
            if example.exercise() and not example.settings().browser.runs:
                found.append(example)
        except Exception:  # the build and the suite say what is wrong
            continue
    return found


def install(root: Path = ROOT, target: Path = TARGET) -> list[Path]:
    """Write a checker for each exercise a browser cannot run; remove any other."""
    written: list[Path] = []
    for example in exercises_to_check(root):
        data = goal(example)
        path = target / file_name(data["name"])
        if path in written:
            raise ValueError(f"two exercises are named {data['name']}: rename one")
        written.append(build(data, path))
    for stale in target.glob("*") if target.is_dir() else ():
        if stale not in written:
            stale.unlink()
    return written
