"""The embed line: `--8<-- "examples/<page>/<lesson>.py"`, alone in its fence.

The suite runs the file it names and the build shows it, so the file is the
whole program: a reader copies exactly what was run.
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import BlockError

EMBED = re.compile(r'^-{1,}8<-{1,}\s+"(?P<path>[^"]+)"\s*$')

# The one file in examples/ that is not a program: the examples' lint settings.
EXAMPLES_CONFIG = "ruff.toml"
# Beside a program whose fence says trace="true": its recorded event-loop story (trace.py),
# which the suite checks, not a program of its own.
TRACE_SUFFIX = ".trace.json"


def embedded_path(source: str) -> tuple[str | None, str | None]:
    """The path a fence's content embeds (None for an inline program), and what is wrong.

    `source` is what stands between the fences.
    """
    lines = source.strip("\n").splitlines()
    match = EMBED.match(lines[0].strip()) if lines else None
    if not match:
        return None, None
    if len(lines) > 1:
        return match["path"], "an embed must be alone in its block: the file is the whole program"
    return match["path"], None


def read_embedded(root: Path, path: str) -> str:
    """The text of the embedded file, or an error that says how to fix the embed."""
    file = root / path
    if not file.is_file():
        raise BlockError(f"embeds {path}, which does not exist: fix the path or add the file")
    return file.read_text(encoding="utf-8")


def example_files(root: Path) -> list[Path]:
    """Every file under examples/ that should be a program on some page."""
    examples = root / "examples"
    return sorted(
        path
        for path in examples.rglob("*")
        if path.is_file()
        and path != examples / EXAMPLES_CONFIG
        and not path.name.endswith(TRACE_SUFFIX)
        # caches (__pycache__, .ruff_cache) are tools' files, not contributions
        and not any(part.startswith((".", "__")) for part in path.relative_to(examples).parts)
    )
