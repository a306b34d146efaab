"""The suite's words for the judge's findings: what a contributor reads when an example fails.

The judge (judge.py) decides; this module only says it, with what the suite knows and a
reader's browser does not: the page and line to fix, the command that re-records a page,
and how busy the machine was (a busy machine is the likelier cause of a late CPU-bound
run; a quiet one puts the blame on the program).
"""

from __future__ import annotations

import difflib
import json
import re

from .. import trace
from ..judge import Finding, Observed, Promise, allowed_window, judge
from ..page import DocExample
from ..settings import Settings
from .runner import Run


def promise_of(example: DocExample, settings: Settings) -> Promise:
    """What the page declares for `example`, as the judge takes it."""
    output = example.output
    return Promise(
        lines=None if output is None else tuple(output.text.splitlines()),
        times=None if output is None or output.times is None else tuple(output.times),
        times_error=None if output is None else output.times_error,
        duration=settings.duration,
        tolerance=settings.tolerance,
        raises=settings.raises,
        warns=settings.warns,
        output_unrecordable=settings.output_unrecordable,
    )


def observed(run: Run) -> Observed:
    return Observed(
        stdout=run.stdout,
        line_times=tuple(run.line_times),
        stderr=run.stderr,
        status=run.returncode,
        seconds=run.seconds,
        timed_out=run.timed_out,
    )


# Findings about time alone: on a busy machine the machine, not the program, may be their cause.
TIMING = frozenset(
    {"line-late", "line-early", "too-long", "too-short", "trace-late", "trace-early"}
)


def problems(example: DocExample, settings: Settings, run: Run, *, check_output: bool) -> list[str]:
    """The judge's findings on this run, as the suite words them; empty when it passes."""
    return judged(example, settings, run, check_output=check_output)[1]


def judged(
    example: DocExample, settings: Settings, run: Run, *, check_output: bool
) -> tuple[list[Finding], list[str]]:
    """The judge's findings on this run, and the suite's words for them and for what the
    harness itself found (the network guard, what the program left running)."""
    stretch = allowed_stretch(settings, run)
    findings = judge(
        promise_of(example, settings), observed(run), stretch=stretch, check_output=check_output
    )
    if settings.trace and check_output and not run.timed_out and example.embedded:
        findings += trace.compare(
            recorded_trace(example), run.trace, settings.tolerance, stretch=stretch
        )
    words = _Words(example, settings, run, stretch)
    # The guard's and the leftovers check's findings, whatever raises= or warns= allow.
    found = ([] if run.timed_out else list(run.harness_report)) + words.all(findings)
    return findings, _cause_said_once(found, {words.slow_cause(), _EARLY})


def recorded_trace(example: DocExample) -> dict | None:
    """The event loop's story recorded beside the example (trace.py), or None."""
    try:
        text = trace.trace_path(example.embedded).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    return json.loads(text)


# Findings that a stall long enough to make a run late can also cause: what raced within
# the stall comes in another order (a line printed before a cancellation that should have
# stopped it, the loop's turns taken in another order), with a late line or total beside.
LATE = frozenset({"line-late", "too-long", "trace-late"})
REORDERED_BY_A_STALL = frozenset({"output", "trace-task", "trace-turn"})
# What raced may be 100 ms apart (CONTRIBUTING's conventions): a run that ended that much
# after its page's time was slowed enough to reorder it, though still within its tolerance
# (the HTTP page's heartbeat ticked before a batch that came 0.23 s late, at 1.83 s of 1.6).
RACE = 0.1


# asyncio's debug mode logs each step of the loop slower than slow_callback_duration
# (0.1 s): a measurement of time, which a busy machine makes as it makes a late line.
SLOW_STEP = re.compile(r"Executing <.*> took \d+\.\d+ seconds")


def _kind(finding: Finding) -> str:
    """The finding's kind, or "slow-step" for stderr that is only debug mode's slow steps."""
    lines = [line for line in str(finding.measured).splitlines() if line.strip()]
    if finding.kind == "stderr" and lines and all(SLOW_STEP.fullmatch(line) for line in lines):
        return "slow-step"
    return finding.kind


def worth_a_run_alone(findings: list[Finding], run: Run, settings: Settings) -> bool:
    """Whether the findings are about time (debug mode's slow steps included), or about
    an order that a late run's stall can change, in a run whose time the machine may have
    made: the machine was busy, or the example's own processor work (cores=) sets its pace,
    which a cold start (caches, a clock's frequency) slows on a quiet machine too. Then a
    run alone, with nothing beside it, tells the machine's fault from the program's; a
    program that lost its concurrency, or prints another order, fails both times."""
    kinds = {_kind(finding) for finding in findings}
    late = bool(kinds & LATE) or run.seconds - settings.duration >= RACE
    stalled = late and kinds <= TIMING | REORDERED_BY_A_STALL
    return (
        (run.load.busy or bool(settings.cores))
        and not run.harness_report
        and bool(kinds)
        and (kinds <= TIMING | {"slow-step"} or stalled)
    )


class _Words:
    def __init__(self, example: DocExample, settings: Settings, run: Run, stretch: float):
        self.example, self.settings, self.run, self.stretch = example, settings, run, stretch
        output = example.output
        self.block = f"{example.doc.name}:{output.line}" if output else example.where

    def all(self, findings: list[Finding]) -> list[str]:
        lines = [f for f in findings if f.kind in ("line-late", "line-early")]
        said = [self.one(f) for f in findings if f not in lines]
        if lines:  # one message for every line at the wrong time, where the output was
            at = next(i for i, f in enumerate(findings) if f in lines)
            said.insert(at, self.line_times(lines))
        return said

    def one(self, finding: Finding) -> str:
        run, settings, example = self.run, self.settings, self.example
        match finding.kind:
            case "hang":
                printed = run.stdout[-2000:] or "(nothing)\n"
                return (
                    f"the program was still running after {settings.timeout:g} s and was "
                    f"stopped (it should finish in ~{settings.duration:g} s). "
                    "A loop that never ends, or an await that nothing completes?\n"
                    f"It had printed:\n{_indent(printed)}"
                    + (f"stderr:\n{_indent(run.stderr[-2000:])}" if run.stderr else "")
                )
            case "ended-normally":
                return f"the program should end with {settings.raises} but exited normally"
            case "other-exception":
                return (
                    f"the program should end with {settings.raises}, but stderr was:\n"
                    + _indent(run.stderr[-3000:])
                )
            case "exit":
                return (
                    f"the program exited with code {run.returncode}; if that is the lesson, "
                    f'declare raises="<ExceptionName>". stderr:\n' + _indent(run.stderr[-3000:])
                )
            case "warning-missing":
                return (
                    "declared warns= text not found on stderr: "
                    + ", ".join(repr(m) for m in finding.expected)
                    + "\nstderr was:\n"
                    + _indent(run.stderr or "(empty)\n")
                )
            case "stderr":
                return (
                    "the program wrote to stderr (a warning or a logged asyncio error such as "
                    "'Task exception was never retrieved'). Fix the example, or, if the "
                    'message is the lesson, declare it with warns="<text>". stderr:\n'
                    + _indent(run.stderr[-3000:])
                )
            case "no-output-block":
                return (
                    "the program printed output but there is no ```output block under it "
                    f"(after line {example.line} of {example.doc.name}): run "
                    f"`{self.update_command}`, review the new block, commit it\nprinted:\n"
                    + _indent(run.stdout)
                )
            case "output":
                diff = difflib.unified_diff(
                    [line + "\n" for line in finding.expected],
                    [line + "\n" for line in finding.measured],
                    fromfile=f"expected ({self.block})",
                    tofile="printed by this run",
                )
                return (
                    "the output differs from the page (- page, + this run). If the new "
                    f"output is right, run `{self.update_command}` and review the diff.\n"
                    + "".join(diff)
                    + _order_note(finding.expected, finding.measured)
                )
            case "times-unreadable":
                return f"{self.block}: {finding.expected}"
            case "times-missing":
                return (
                    f"{self.block}: the output block has no times= (when each line is "
                    f"printed): run `{self.update_command}` to record them from a real run"
                )
            case "times-count":
                return (
                    f"{self.block}: times= lists {finding.expected} times for "
                    f"{finding.measured} lines: run `{self.update_command}` to record them again"
                )
            case "too-long" | "too-short":
                return self.duration(finding)
            case kind if kind.startswith("trace-"):
                return self.trace(finding)
        raise ValueError(f"no words for a finding of kind {finding.kind!r}")

    def trace(self, finding: Finding) -> str:
        """The event loop's story against the one recorded beside the example (trace.py)."""
        file = trace.trace_path(self.example.embedded).relative_to(self.example.root)
        again = f"If the new schedule is the lesson, run `{self.update_command}` and review"
        match finding.kind:
            case "trace-missing":
                return (
                    f'the fence asks for the event loop\'s story (trace="true" at '
                    f"{self.example.where}) but {file} does not exist: run "
                    f"`{self.update_command}`, review the trace, commit it"
                )
            case "trace-not-recorded":
                return f"this run recorded no event-loop story to compare with {file}"
            case "trace-version":
                return (
                    f"{file} is in trace format version {finding.measured}, this engine "
                    f"reads version {finding.expected}: run `{self.update_command}`"
                )
            case "trace-task":
                return (
                    f"the program's tasks differ from {file} at task {finding.line}:\n"
                    f"  recorded:  {trace.describe_task(finding.expected)}\n"
                    f"  this run:  {trace.describe_task(finding.measured)}\n"
                    f"{again} the diff of {file}."
                )
            case "trace-turn":
                return (
                    f"the schedule changed at turn {finding.line} of the event loop "
                    f"({file}):\n"
                    f"  recorded:  {trace.describe_turn(finding.expected)}\n"
                    f"  this run:  {trace.describe_turn(finding.measured)}\n"
                    "Did awaits that ran concurrently become one after another (a gather "
                    "made sequential), or did an await get added or removed? "
                    f"{again} the diff of {file}."
                )
            case "trace-late" | "trace-early":
                return (
                    f"turn {finding.line} of the event loop came at {finding.measured:.2f} s, "
                    f"{file} says {finding.expected:.2f} s (allowed "
                    f"±{self.settings.tolerance:g} s{self.stretch_note()}).\n"
                    + (self.slow_cause() if finding.kind == "trace-late" else _EARLY)
                )
        raise ValueError(f"no words for a finding of kind {finding.kind!r}")

    @property
    def update_command(self) -> str:
        return f"make update-examples PAGE={self.example.doc.stem}"

    def line_times(self, findings: list[Finding]) -> str:
        lines = self.run.stdout.splitlines()
        late = any(f.kind == "line-late" for f in findings)
        return (
            f"lines printed at the wrong time (allowed ±{self.settings.tolerance:g} s"
            + self.stretch_note()
            + f", times= at {self.block}):\n"
            + "".join(
                f"  line {f.line} {lines[f.line - 1].rstrip()!r}: printed at "
                f"{f.measured:.2f} s, the page says {f.expected:g} s\n"
                for f in findings
            )
            + (self.slow_cause() if late else _EARLY)
        )

    def duration(self, finding: Finding) -> str:
        shortest, longest = finding.expected
        allowed = (
            f"at most {longest:.2f} s" if shortest <= 0 else f"{shortest:.2f} to {longest:.2f} s"
        )
        slow = finding.kind == "too-long"
        return (
            f"took {finding.measured:.2f} s, but the page says ~{self.settings.duration:g} s "
            f"(allowed {allowed}{self.stretch_note()}; "
            f'duration="{self.settings.duration:g}" at {self.example.where}).'
            + self.guess_note()
            + "\n"
            + (self.slow_cause() if slow else _EARLY)
        )

    def guess_note(self) -> str:
        """The declared duration may be the guess that is wrong, not the program; a busy
        machine's time is no better a guess."""
        if self.run.load.busy:
            return ""
        return (
            f" If the program is right and the page's duration was a guess, set "
            f'duration="{self.run.seconds:.1f}" and record the page again.'
        )

    def stretch_note(self) -> str:
        if self.stretch <= 1.0:
            return ""
        return (
            f", {self.stretch:.2f}x slower at most because {self.run.load.describe()} "
            f"and this example needs {self.settings.cores}"
        )

    def slow_cause(self) -> str:
        """Whether the machine or the program is the likelier cause of a slow run."""
        lost = (
            "did something lose its concurrency (a blocking call in a coroutine, awaits one "
            "after another where gather or a TaskGroup belongs, a pool with one worker)?"
        )
        load = self.run.load
        if load.others >= load.cores / 2:  # half the machine: a likely cause
            return (
                f"The machine was busy: {load.describe()} during this run. Run the page "
                f"alone (make examples PAGE={self.example.doc.stem}): if it passes there, the "
                "machine was the cause, not the program (CONTRIBUTING.md, 'When an example "
                f"you did not touch fails'). If it fails there too, {lost}"
            )
        return f"The machine was not busy ({load.describe()}), so the program ran slow: {lost}"


def allowed_stretch(settings: Settings, run: Run) -> float:
    """How many times slower than the page a run may be, because of the machine.

    Sleep-bound examples get no stretch: a sleep lasts as long on a busy machine.
    A CPU-bound example (`cores=`) runs as much slower as the share of the cores
    it needs that other processes left it: a process pool of two on two cores,
    beside a program that keeps one core busy, gets 1.33 cores, so 1.5x. On a
    quiet machine the stretch is 1 and a lost parallelism fails as it should.
    """
    if not settings.cores:
        return 1.0
    share = min(1.0, run.load.free / settings.cores)
    # The share is an average over the run; on a busy machine the scheduler hands it out
    # unevenly, so allow a quarter more. A quiet machine gets no slack at all.
    slack = 1.25 if run.load.busy else 1.0
    return min(10.0, slack / max(share, 0.1))  # past 10x a run proves nothing either way


def window(settings: Settings, run: Run) -> tuple[float, float]:
    """The run times this example may take on this machine (for reports)."""
    return allowed_window(
        Promise(None, None, settings.duration, settings.tolerance), allowed_stretch(settings, run)
    )


_EARLY = "Did a sleep get shorter, or a wait get skipped?"


def _cause_said_once(found: list[str], causes: set[str]) -> list[str]:
    """Late lines and a late total end with the same cause: keep it on the last
    message that gives it, so that the reader reads it once."""
    kept: list[str] = []
    for message in reversed(found):
        head, _, cause = message.rpartition("\n")
        if cause in causes and any(later.endswith("\n" + cause) for later in kept):
            message = head
        kept.append(message)
    return kept[::-1]


def _order_note(expected: tuple[str, ...], printed: tuple[str, ...]) -> str:
    """Each line holds the same characters, some in another order: a printed set, whose
    order can differ between Python versions, so that no recording fits them all. (Lines
    in another order are left alone: that is what lost or added concurrency looks like.)"""
    same_characters = len(expected) == len(printed) and all(
        sorted(a) == sorted(b) for a, b in zip(expected, printed, strict=True)
    )
    if expected == printed or not same_characters:
        return ""
    return (
        "The same text in another order: does the program print a set, or iterate over one? "
        "Its order can differ from one Python version to another (CONTRIBUTING.md, "
        "'Conventions'): print sorted(...) instead.\n"
    )


def _indent(text: str) -> str:
    return "".join("    " + line + "\n" for line in text.splitlines())
