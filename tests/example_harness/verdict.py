"""Compare one run with what the page promises, and say precisely what differs."""

from __future__ import annotations

import difflib
import re

from example_format.settings import Settings

from .blocks import DocExample
from .runner import Run


def problems(example: DocExample, settings: Settings, run: Run, *, check_output: bool) -> list[str]:
    """Every way the run breaks the page's promise; empty when it keeps it."""
    if run.timed_out:
        return [hang_message(settings, run)]
    # The guard's and the leftovers check's findings, whatever raises= or warns= allow.
    found = run.harness_report + ending_problems(settings, run) + stderr_problems(settings, run)
    if check_output and not (example.output is None and settings.output_unrecordable):
        found += output_problems(example, run)
        if not found:
            found += line_time_problems(example, settings, run)
    found += timing_problems(example, settings, run)
    return _cause_said_once(found, {_slow_cause(run, example), _EARLY})


def hang_message(settings: Settings, run: Run) -> str:
    printed = run.stdout[-2000:] or "(nothing)\n"
    return (
        f"the program was still running after {settings.timeout:g} s and was stopped "
        f"(it should finish in ~{settings.duration:g} s). "
        f"A loop that never ends, or an await that nothing completes?\n"
        f"It had printed:\n{_indent(printed)}"
        + (f"stderr:\n{_indent(run.stderr[-2000:])}" if run.stderr else "")
    )


def ending_problems(settings: Settings, run: Run) -> list[str]:
    if settings.raises:
        if run.returncode == 0:
            return [f"the program should end with {settings.raises} but exited normally"]
        if not _final_exception(run.stderr, settings.raises):
            return [
                f"the program should end with {settings.raises}, but stderr was:\n"
                + _indent(run.stderr[-3000:])
            ]
        return []
    if run.returncode != 0:
        return [
            f"the program exited with code {run.returncode}; if that is the lesson, "
            f'declare raises="<ExceptionName>". stderr:\n' + _indent(run.stderr[-3000:])
        ]
    return []


def stderr_problems(settings: Settings, run: Run) -> list[str]:
    # With raises=, warns= holds the exception's message, which the traceback ends with.
    if settings.warns:
        missing = [w for w in settings.warns if w not in run.stderr]
        if missing:
            return [
                "declared warns= text not found on stderr: "
                + ", ".join(repr(m) for m in missing)
                + "\nstderr was:\n"
                + _indent(run.stderr or "(empty)\n")
            ]
        return []
    if settings.raises:
        return []  # the traceback is stderr; ending_problems checked it
    if run.stderr:
        return [
            "the program wrote to stderr (a warning or a logged asyncio error such as "
            "'Task exception was never retrieved'). Fix the example, or, if the "
            'message is the lesson, declare it with warns="<text>". stderr:\n'
            + _indent(run.stderr[-3000:])
        ]
    return []


def output_problems(example: DocExample, run: Run) -> list[str]:
    actual = comparable(run.stdout)
    if example.output is None:
        if not actual:
            return []
        return [
            f"the program printed output but there is no ```output block under it "
            f"(after line {example.line} of {example.doc.name}): run `make update-examples`, "
            "review the new block, commit it\nprinted:\n" + _indent(run.stdout)
        ]
    expected = comparable(example.output.text)
    if actual == expected:
        return []
    diff = difflib.unified_diff(
        expected.splitlines(keepends=True),
        actual.splitlines(keepends=True),
        fromfile=f"expected ({example.doc.name}:{example.output.line})",
        tofile="printed by this run",
    )
    return [
        "the output differs from the page (- page, + this run). If the new output "
        "is right, run `make update-examples` and review the diff.\n" + "".join(diff)
    ]


def line_time_problems(example: DocExample, settings: Settings, run: Run) -> list[str]:
    """Each printed line must come when the page says, within the example's tolerance."""
    output = example.output
    if output is None:
        return []
    where = f"{example.doc.name}:{output.line}"
    if output.times_error:
        return [f"{where}: {output.times_error}"]
    if output.times is None:
        return [
            f"{where}: the output block has no times= (when each line is printed): "
            "run `make update-examples` to record them from a real run"
        ]
    lines = comparable(run.stdout).splitlines()
    if len(output.times) != len(lines):
        return [
            f"{where}: times= lists {len(output.times)} times for {len(lines)} lines: "
            "run `make update-examples` to record them again"
        ]
    stretch = allowed_stretch(settings, run)
    wrong = [
        (n, line, expected, measured)
        for n, (line, expected, measured) in enumerate(
            zip(lines, output.times, run.line_times, strict=False), start=1
        )
        if not expected - settings.tolerance <= measured <= expected * stretch + settings.tolerance
    ]
    if not wrong:
        return []
    late = any(measured > expected for *_, expected, measured in wrong)
    return [
        f"lines printed at the wrong time (allowed ±{settings.tolerance:g} s"
        + _stretch_note(settings, run, stretch)
        + f", times= at {where}):\n"
        + "".join(
            f"  line {n} {line!r}: printed at {measured:.2f} s, the page says {expected:g} s\n"
            for n, line, expected, measured in wrong
        )
        + (_slow_cause(run, example) if late else _EARLY)
    ]


def timing_problems(example: DocExample, settings: Settings, run: Run) -> list[str]:
    shortest = settings.duration - settings.tolerance
    stretch = allowed_stretch(settings, run)
    longest = settings.duration * stretch + settings.tolerance
    if shortest <= run.seconds <= longest:
        return []
    slow = run.seconds > longest
    allowed = f"at most {longest:.2f} s" if shortest <= 0 else f"{shortest:.2f} to {longest:.2f} s"
    return [
        f"took {run.seconds:.2f} s, but the page says ~{settings.duration:g} s "
        f"(allowed {allowed}{_stretch_note(settings, run, stretch)}; "
        f'duration="{settings.duration:g}" at {example.where}).\n'
        + (_slow_cause(run, example) if slow else _EARLY)
    ]


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


def _stretch_note(settings: Settings, run: Run, stretch: float) -> str:
    if stretch <= 1.0:
        return ""
    return (
        f", {stretch:.2f}x slower at most because {run.load.describe()} "
        f"and this example needs {settings.cores}"
    )


_EARLY = "Did a sleep get shorter, or a wait get skipped?"


def _slow_cause(run: Run, example: DocExample) -> str:
    """Whether the machine or the program is the likelier cause of a slow run."""
    lost = (
        "did something lose its concurrency (a blocking call in a coroutine, awaits one "
        "after another where gather or a TaskGroup belongs, a pool with one worker)?"
    )
    if run.load.others >= run.load.cores / 2:  # half the machine: a likely cause
        return (
            f"The machine was busy: {run.load.describe()} during this run. Run the page "
            f"alone (make examples PAGE={example.doc.stem}): if it passes there, the machine "
            "was the cause, not the program (CONTRIBUTING.md, 'When an example you did not "
            f"touch fails'). If it fails there too, {lost}"
        )
    return f"The machine was not busy ({run.load.describe()}), so the program ran slow: {lost}"


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


def comparable(text: str) -> str:
    """Text as a fenced block can hold it: no trailing spaces, one final newline."""
    lines = [line.rstrip() for line in text.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return "".join(line + "\n" for line in lines)


def _final_exception(stderr: str, name: str) -> bool:
    """Whether the traceback ends with (or, in a group, contains) `name`."""
    pattern = re.compile(rf"^[\s|+-]*(?:\w+\.)*{re.escape(name)}(?::|$)", re.M)
    return bool(pattern.search(stderr))


def _indent(text: str) -> str:
    return "".join("    " + line + "\n" for line in text.splitlines())
