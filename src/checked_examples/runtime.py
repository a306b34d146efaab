"""The Run button's runtime: what the reader's browser loads on a first click, put among
the site's own files so that any engine that builds the site (MkDocs, Zensical) ships it.

`python -m checked_examples runtime` (the Makefile runs it before every build) copies
into docs/assets/run/, where git ignores them:

- `pyodide/`: the files of the npm package `pyodide` (pinned in package-lock.json) that a
  browser fetches: the loader, the interpreter compiled to WebAssembly, its glue, the
  standard library and the package list the loader reads at start-up;
- `checked_examples.zip`: the modules of this package the browser runs: the judge, the
  runner, and what they import (standard library only);
- `environment.json`: Python's start-up settings for an example (program.py);
- `codemirror.mjs`: the code editor, CodeMirror bundled into one module (editor/), built
  only when missing or stale (`python -m checked_examples runtime` asks editor.bundle);
  without it the editors are plain text boxes.

Without node_modules/pyodide (no npm here) it removes them, and the build renders no
Run controls: the Markdown extension asks `installed()`.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

from . import editor
from .paths import DOCS, ROOT
from .program import ENVIRONMENT

PYODIDE = ROOT / "node_modules" / "pyodide"
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
# What browser_runner.py imports, itself included; a test checks the list is complete.
BROWSER_MODULES = (
    "__init__.py",
    "browser_runner.py",
    "errors.py",
    "judge.py",
    "loop_trace.py",
    "output_block.py",
    "program.py",
)
TARGET = DOCS / "assets" / "run"
PACKAGE_ZIP = "checked_examples.zip"
ENVIRONMENT_FILE = "environment.json"


def missing() -> str | None:
    """Why the site can have no Run buttons, or None when the runtime's source is here."""
    absent = [name for name in PYODIDE_FILES if not (PYODIDE / name).is_file()]
    if absent:
        return (
            f"node_modules/pyodide lacks {', '.join(absent)}: run `npm ci` (it needs Node.js "
            "and npm; `make serve`, `make docs` and `make test` run it when npm is here)"
        )
    return None


def installed(target: Path = TARGET) -> bool:
    """Whether the runtime is among the site's files, so the build renders Run controls."""
    return all((target / "pyodide" / name).is_file() for name in PYODIDE_FILES) and all(
        (target / name).is_file() for name in (PACKAGE_ZIP, ENVIRONMENT_FILE)
    )


def install(target: Path = TARGET) -> str | None:
    """Put the runtime among the site's files; without its source, remove it and say why."""
    why_not = missing()
    if why_not:
        remove(target)
        return why_not
    (target / "pyodide").mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        _copy_if_changed(PYODIDE / name, target / "pyodide" / name)
    package = Path(__file__).parent
    with zipfile.ZipFile(target / PACKAGE_ZIP, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in BROWSER_MODULES:
            # A fixed date: the same modules make the same bytes, so a rebuild changes nothing.
            info = zipfile.ZipInfo(f"checked_examples/{name}", date_time=(2020, 1, 1, 0, 0, 0))
            archive.writestr(info, (package / name).read_bytes(), zipfile.ZIP_DEFLATED)
    (target / ENVIRONMENT_FILE).write_text(json.dumps(ENVIRONMENT, indent=1) + "\n")
    return None


def remove(target: Path = TARGET) -> None:
    shutil.rmtree(target / "pyodide", ignore_errors=True)
    for name in (PACKAGE_ZIP, ENVIRONMENT_FILE, editor.BUNDLE):
        (target / name).unlink(missing_ok=True)


def _copy_if_changed(source: Path, target: Path) -> None:
    # `make serve` rebuilds when a file under docs/ changes: copying the same 10 MB again
    # would be a change.
    if target.is_file() and target.read_bytes() == source.read_bytes():
        return
    shutil.copyfile(source, target)
