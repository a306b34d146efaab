"""An exercise's verdict in a reader's words, from the judge's findings: the downloadable
checker's side (local_check.py) of what the page's Check says (run-button.mjs).

The words themselves are in docs/assets/run/goal-words.json, which both fill, so the
terminal and the page say the same. Standard library only: it is shipped in the checker.
"""

from __future__ import annotations

import re

from .judge import Finding, Promise

_OUT_OF_TIME = ("line-late", "line-early")


def _seconds(value: float) -> str:
    return f"{value:.2f} s"


def _number(value: float) -> str:
    """A number as JavaScript prints it (2, not 2.0), as the page does."""
    return f"{value:g}"


def fill(template: str, finding: Finding | None, promise: Promise, **extra: object) -> str:
    """`template` with each {name} replaced; the names are those run-button.mjs fills."""
    expected = finding.expected if finding else None
    measured = finding.measured if finding else None
    pair = isinstance(expected, (tuple, list)) and len(expected) == 2
    values = {
        "duration": _number(promise.duration),
        "tolerance": _number(promise.tolerance),
        "line": finding.line if finding else "",
        "expected": expected,
        "measured": measured,
        "measured_seconds": _seconds(measured) if isinstance(measured, float | int) else "",
        "expected_time": f"{expected:.1f}" if isinstance(expected, float | int) else "",
        "expected_list": ", ".join(map(str, expected))
        if isinstance(expected, (tuple, list))
        else "",
        "shortest_seconds": _seconds(expected[0]) if pair else "",
        "longest_seconds": _seconds(expected[1]) if pair else "",
        **extra,
    }
    return re.sub(r"\{(\w+)\}", lambda match: str(values[match[1]]), template)


def verdict(
    words: dict, promise: Promise, findings: list[Finding], seconds: float
) -> tuple[str, list[str]]:
    """The verdict's sentence and the rows under it (the diff, the lines out of time)."""
    if not findings:
        return fill(words["solved"], None, promise, seconds=_seconds(seconds)), []
    # A program that ended with an error wrote its traceback to stderr: one finding says it.
    if any(f.kind in ("exit", "other-exception") for f in findings):
        findings = [f for f in findings if f.kind != "stderr"]

    def word(finding: Finding) -> str:
        return fill(words["findings"][finding.kind], finding, promise)

    lines = [f for f in findings if f.kind in _OUT_OF_TIME]
    said = [word(f) for f in findings if f.kind not in _OUT_OF_TIME]
    # The first line out of time is the one to look at; the rest are listed below.
    if lines:
        more = fill(words["lines_out_of_time"], None, promise, count=len(lines))
        said.insert(0, word(lines[0]) + (more if len(lines) > 1 else ""))
    text = "; ".join(said) + ("" if said[-1].endswith("?") else ".")
    rows = [f"{op} {line}" for f in findings if f.kind == "output" for op, line in f.diff]
    if len(lines) > 1:
        rows += [word(f).split(":")[0] for f in lines]
    return fill(words["not_yet"], None, promise, findings=text), rows
