"""The one judge: does a run keep what the page promises?

Pure and standard-library only, because it runs in two places: the example suite calls it
on each run of each example (the pytest plugin), and the page's Run button calls it inside
Pyodide on the reader's run (browser_runner.py). It returns findings, not sentences: the
suite words them with what it knows of the machine (run/wording.py), the page words them
for a reader (docs/assets/run/run-button.mjs). Neither decides anything the judge did not.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Promise:
    """What the page declares: the checked output (None when the page has no output
    block), when each line came, and the fence's settings."""

    lines: tuple[str, ...] | None
    times: tuple[float, ...] | None
    duration: float
    tolerance: float
    raises: str | None = None
    warns: tuple[str, ...] = ()
    times_error: str | None = None  # the output block's times= cannot be read
    # No machine can record the output yet (a Python newer than the recording ones):
    # a missing output block is then expected, not a finding.
    output_unrecordable: bool = False


@dataclass(frozen=True)
class Observed:
    """What one run did."""

    stdout: str
    line_times: tuple[float, ...]  # seconds from the program's start, one per stdout line
    stderr: str
    status: int | None  # exit status; None when the run was stopped
    seconds: float
    timed_out: bool = False

    @classmethod
    def from_browser(cls, run: dict) -> Observed:
        """A run as the browser's engine reports it (docs/assets/run/engine.mjs)."""
        return cls(
            stdout="".join(line + "\n" for line in run["stdout"]),
            line_times=tuple(run["lineTimes"]),
            stderr=run["stderr"],
            status=run["status"],
            seconds=run["seconds"],
        )


@dataclass(frozen=True)
class Finding:
    """One way a run breaks the page's promise.

    `line` is the 1-based output line it is about, if any; `expected` and `measured` are
    what the page says and what the run did (seconds, text, or lines of text).
    """

    kind: str
    line: int | None = None
    expected: object = None
    measured: object = None
    diff: tuple[tuple[str, str], ...] = field(default=())  # ("-"|"+"|" ", text) rows

    def as_dict(self) -> dict:
        return asdict(self)


# Every kind of finding, for the two wordings to cover (tests check they do).
KINDS = (
    "hang",  # still running at the timeout; measured: seconds
    "exit",  # ended with an error the page does not declare; measured: exit status
    "ended-normally",  # expected: the declared exception; it exited 0
    "other-exception",  # expected: the declared exception; stderr ends otherwise
    "stderr",  # wrote to stderr with nothing declared
    "warning-missing",  # expected: the declared text missing from stderr
    "no-output-block",  # the program printed, the page has no output block
    "output",  # the printed lines differ; expected/measured: lines, plus diff
    "times-unreadable",  # the block's times= cannot be read; expected: the reason
    "times-missing",  # the block has no times=
    "times-count",  # expected: how many times; measured: how many lines
    "line-late",  # line `line` came late; expected/measured: seconds
    "line-early",
    "too-long",  # the run took longer than allowed; expected: (shortest, longest)
    "too-short",
)


def judge(
    promise: Promise, run: Observed, *, stretch: float = 1.0, check_output: bool = True
) -> list[Finding]:
    """Every way `run` breaks `promise`; empty when it keeps it.

    `stretch`: how many times slower than the page a run may be (the suite allows a
    CPU-bound example the share of the cores a busy machine took; 1 elsewhere).
    `check_output=False` while recording outputs: only how the run ended and its total
    time are judged.
    """
    if run.timed_out:
        return [Finding("hang", measured=run.seconds)]
    found = _ending(promise, run) + _stderr(promise, run)
    if check_output and not (promise.lines is None and promise.output_unrecordable):
        found += _output(promise, run)
        if not found:  # a line's time means something only in a run that went right
            found += _line_times(promise, run, stretch)
    return found + _duration(promise, run, stretch)


def allowed_window(promise: Promise, stretch: float = 1.0) -> tuple[float, float]:
    """The shortest and longest run time the page allows."""
    return (
        promise.duration - promise.tolerance,
        promise.duration * stretch + promise.tolerance,
    )


def _ending(promise: Promise, run: Observed) -> list[Finding]:
    if promise.raises:
        if run.status == 0:
            return [Finding("ended-normally", expected=promise.raises)]
        if not final_exception(run.stderr, promise.raises):
            return [Finding("other-exception", expected=promise.raises, measured=run.stderr)]
        return []
    if run.status != 0:
        return [Finding("exit", measured=run.status)]
    return []


def _stderr(promise: Promise, run: Observed) -> list[Finding]:
    # Checked with raises= too, so that an example can declare its exception's message.
    if promise.warns:
        missing = tuple(text for text in promise.warns if text not in run.stderr)
        if missing:
            return [Finding("warning-missing", expected=missing, measured=run.stderr)]
        return []
    if promise.raises:
        return []  # the traceback is stderr; _ending judged it
    if run.stderr:
        return [Finding("stderr", measured=run.stderr)]
    return []


def _output(promise: Promise, run: Observed) -> list[Finding]:
    printed = comparable_lines(run.stdout.splitlines())
    if promise.lines is None:
        return [Finding("no-output-block", measured=printed)] if printed else []
    expected = comparable_lines(promise.lines)
    if printed == expected:
        return []
    return [
        Finding("output", expected=expected, measured=printed, diff=line_diff(expected, printed))
    ]


def _line_times(promise: Promise, run: Observed, stretch: float) -> list[Finding]:
    """Each printed line must come when the page says, within the tolerance."""
    if promise.lines is None:
        return []
    if promise.times_error:
        return [Finding("times-unreadable", expected=promise.times_error)]
    if promise.times is None:
        return [Finding("times-missing")]
    lines = comparable_lines(run.stdout.splitlines())
    if len(promise.times) != len(lines):
        return [Finding("times-count", expected=len(promise.times), measured=len(lines))]
    found = []
    for number, (expected, measured) in enumerate(
        zip(promise.times, run.line_times, strict=False), start=1
    ):
        if measured < expected - promise.tolerance:
            found.append(Finding("line-early", number, expected, measured))
        elif measured > expected * stretch + promise.tolerance:
            found.append(Finding("line-late", number, expected, measured))
    return found


def _duration(promise: Promise, run: Observed, stretch: float) -> list[Finding]:
    shortest, longest = allowed_window(promise, stretch)
    if run.seconds > longest:
        return [Finding("too-long", expected=(shortest, longest), measured=run.seconds)]
    if run.seconds < shortest:
        return [Finding("too-short", expected=(shortest, longest), measured=run.seconds)]
    return []


def comparable_lines(lines) -> tuple[str, ...]:
    """Lines as a fenced block can hold them: no trailing spaces, no trailing blank lines."""
    kept = [line.rstrip() for line in lines]
    while kept and not kept[-1]:
        kept.pop()
    return tuple(kept)


def comparable(text: str) -> str:
    """Text as a fenced block can hold it: no trailing spaces, one final newline."""
    return "".join(line + "\n" for line in comparable_lines(text.splitlines()))


def line_diff(expected, printed) -> tuple[tuple[str, str], ...]:
    """The page's lines against the run's: (" ", same), ("-", page only), ("+", run only)."""
    rows = []
    matcher = difflib.SequenceMatcher(a=expected, b=printed, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            rows += [(" ", text) for text in expected[a1:a2]]
            continue
        rows += [("-", text) for text in expected[a1:a2]]
        rows += [("+", text) for text in printed[b1:b2]]
    return tuple(rows)


def final_exception(stderr: str, name: str) -> bool:
    """Whether the traceback ends with (or, in a group, contains) `name`."""
    pattern = re.compile(rf"^[\s|+-]*(?:\w+\.)*{re.escape(name)}(?::|$)", re.M)
    return bool(pattern.search(stderr))
