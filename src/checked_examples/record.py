"""Write real output back into the pages, for `make update-examples`.

Tests only record what they saw; the pages are rewritten once, at the end of the
session, by the one process that owns them (the xdist controller, or pytest
itself without xdist). Each page is re-read and every block is found again
before anything is written, so a page edited during the run is left alone
rather than patched at stale offsets. Unchanged pages are not touched, and a
changed page is replaced atomically: a crash never leaves half a file.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import loop_trace, trace
from .judge import comparable
from .output_block import OutputBlock
from .page import DocExample, find_doc_examples
from .run.runner import Run
from .settings import Settings


@dataclass(frozen=True)
class Update:
    doc: str  # path of the Markdown file
    line: int  # line of the example's opening fence when the run started
    block_source: str  # the block as it was when the run started
    output: str  # what the program printed
    line_times: list[float]  # when each line was printed, seconds from the start
    # The event loop's story (trace="true"), for the file beside the example (trace.py),
    # and the tolerance within which a recorded one is kept.
    trace: dict | None = None
    trace_file: str | None = None
    tolerance: float = 0.0


def trace_of(example: DocExample, settings: Settings, run: Run) -> dict:
    """What an Update needs to keep the example's event-loop story (trace="true")."""
    if not (settings.trace and example.embedded and run.trace is not None):
        return {}
    return {
        "trace": run.trace,
        "trace_file": str(trace.trace_path(example.embedded)),
        "tolerance": settings.tolerance,
    }


def unfenceable(output: str) -> str | None:
    """Why this output cannot sit in a fenced block, or None."""
    for line in output.splitlines():
        if line.lstrip().startswith("```"):
            return (
                f"the program prints a line that starts with ``` ({line.strip()!r}), "
                "which would end the output block"
            )
    return None


def too_busy_to_record(settings: Settings, run: Run) -> str | None:
    """Why this run's times must not become the page's, or None.

    A CPU-bound example run beside other busy processes prints its lines late; the
    check allows for that, but a page that recorded those times would promise them.
    """
    if settings.cores and run.load.busy:
        return (
            f"not recorded: the machine was busy ({run.load.describe()}), and this "
            f"CPU-bound example (cores={settings.cores}) would record its lines late. "
            "Run `make update-examples` again when the machine is quieter."
        )
    return None


def apply(updates: list[Update], root: Path) -> tuple[list[str], list[str]]:
    """Rewrite the pages; returns (pages written, refusals)."""
    written, refused = [], []
    by_doc: dict[str, list[Update]] = {}
    for update in updates:
        by_doc.setdefault(update.doc, []).append(update)
    for doc, doc_updates in sorted(by_doc.items()):
        result = _rewrite_page(Path(doc), doc_updates, root)
        if isinstance(result, str):
            refused.append(result)
        elif result:
            written.append(doc)
    for update in updates:
        if update.trace_file and update.trace is not None and _write_trace(update, root):
            written.append(update.trace_file)
    return written, refused


def _write_trace(update: Update, root: Path) -> bool:
    """Write the example's story beside it; a recorded one that this run keeps (the same
    schedule, its times within the tolerance) stays, so recording twice changes nothing."""
    path, story = Path(update.trace_file), update.trace
    try:
        recorded = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        recorded = None
    if trace.same_story(recorded, story, update.tolerance):
        return False
    program = path.with_name(path.name.removesuffix(trace.SUFFIX) + ".py")
    story = {**story, "example": program.relative_to(root).as_posix()}
    path.touch()  # a new file: made as any file is, for _replace_atomically to keep its mode
    _replace_atomically(path, loop_trace.dumps(story))
    return True


def _rewrite_page(doc: Path, updates: list[Update], root: Path) -> bool | str:
    original = doc.read_text(encoding="utf-8")
    current = {(e.line, e.block_source): e for e in find_doc_examples(root, doc)}
    lines = original.splitlines()
    for update in sorted(updates, key=lambda u: u.line, reverse=True):
        example = current.get((update.line, update.block_source))
        if example is None:
            return (
                f"{doc}: changed while the examples ran (the block at line {update.line} "
                "moved or changed); nothing was written to it. Run `make update-examples` again."
            )
        pad = " " * example.indent
        printed = comparable(update.output).splitlines()
        body = [pad + line if line else "" for line in printed]
        fence = f'{pad}```output {{times="{_times(update, example.output, printed)}"}}'
        if example.output is not None:
            start, end = example.output.line - 1, example.output.end_line - 1
            if body:
                lines[start:end] = [fence, *body]
            else:  # the program prints nothing now: drop the block and the blank line above it
                drop_from = start - 1 if start > 0 and not lines[start - 1].strip() else start
                del lines[drop_from : end + 1]
        elif body:
            closing = example.line - 1 + example.block_source.count("\n") + 1
            lines[closing + 1 : closing + 1] = ["", fence, *body, pad + "```"]
    text = "\n".join(lines) + ("\n" if original.endswith("\n") else "")
    if text == original:
        return False
    _replace_atomically(doc, text)
    return True


# How far a recorded time may be from this run's and stay: one rounding step.
_KEPT_WITHIN = 0.1


def _times(update: Update, old: OutputBlock | None, printed: list[str]) -> str:
    """Times for the fence, to 0.1 s; a recorded time within 0.1 s of this run's is kept.

    Keeping close times is what makes a second update change nothing: a line
    printed at 0.96 s in one run and 1.04 s in the next stays "1.0". Keeping any time
    within the tolerance would keep a page's times after the program changed (a line
    moved from 1.1 s to 0.87 s stayed "1.1").
    """
    raw = update.line_times[: len(printed)]
    measured = [round(t, 1) for t in raw]
    same_lines = old is not None and comparable(old.text).splitlines() == printed
    if same_lines and old.times and len(old.times) == len(measured):
        measured = [
            kept if abs(kept - time) <= _KEPT_WITHIN + 1e-9 else new
            for kept, time, new in zip(old.times, raw, measured, strict=True)
        ]
    return " ".join(f"{t:.1f}" for t in measured)


def _replace_atomically(path: Path, text: str) -> None:
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(temporary, path.stat().st_mode & 0o7777)  # mkstemp made it private
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
