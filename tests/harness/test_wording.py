"""The suite's words for the judge's findings (run/wording.py): the cause a contributor
reads, with how busy the machine was, and the page and line to fix.

Real runs, judged with the load replaced where the test is about the load: the
machine these tests run on is shared, and its load is not theirs to choose.
"""

from __future__ import annotations

import dataclasses

import pytest

from checked_examples.judge import Finding
from checked_examples.page import find_doc_examples
from checked_examples.run import machine
from checked_examples.run.runner import Run, run_program
from checked_examples.run.wording import allowed_stretch, problems, worth_a_run_alone
from checked_examples.settings import parse
from harness.one_page import PAGE, POOL_LESSON, POOL_PAGE, OnePage


def test_a_pool_forced_to_one_worker_fails_on_a_quiet_machine(project: OnePage) -> None:
    project.write("examples/page/lesson.py", POOL_LESSON.replace("max_workers=2", "max_workers=1"))
    project.write("docs/page.md", POOL_PAGE)
    (example,) = find_doc_examples(project.root)
    settings = example.settings()
    run = run_program(example.program(), "lesson.py", project.root, settings.timeout)
    # A real run: one worker does 1.2 s of processor work, so it takes 1.2 s or more
    # whatever the machine does. Judged as on a quiet machine (no one else's CPU):
    quiet = dataclasses.replace(run, load=machine.Load(cores=2, program_cpu=1.2, others=0.0))
    found = problems(example, settings, quiet, check_output=True)
    assert run.seconds >= 1.2
    message = "\n".join(found)
    assert "but the page says ~0.6 s" in message
    assert 'duration="0.6" at docs/page.md:3' in message
    assert "a pool with one worker" in message
    # Its late lines and its late total share the cause, said once, after both.
    assert "printed at" in message
    assert message.count("The machine was not busy") == 1
    assert message.rstrip().endswith("a pool with one worker)?")


def test_a_slow_run_on_a_busy_machine_names_the_machine_first(project: OnePage) -> None:
    (example,) = find_doc_examples(project.root)
    settings = example.settings()
    run = Run(stdout="start\nend\n", returncode=0, seconds=1.4, line_times=[0.0, 1.4])
    busy = dataclasses.replace(run, load=machine.Load(cores=2, program_cpu=0.1, others=1.6))
    message = "\n".join(problems(example, settings, busy, check_output=True))
    assert "The machine was busy: other processes kept 1.60 of 2 cores busy" in message
    assert "make examples PAGE=page" in message
    assert "line 2 'end': printed at 1.40 s, the page says 0.3 s" in message
    # A busy machine's time is no better a guess at the duration than the page's.
    assert "duration was a guess" not in message


def test_a_slow_run_on_a_quiet_machine_may_blame_the_guessed_duration(project: OnePage) -> None:
    (example,) = find_doc_examples(project.root)
    settings = example.settings()
    run = Run(stdout="start\nend\n", returncode=0, seconds=1.4, line_times=[0.0, 0.3])
    quiet = dataclasses.replace(run, load=machine.Load(cores=2, program_cpu=0.1, others=0.0))
    (message,) = problems(example, settings, quiet, check_output=True)
    assert "took 1.40 s, but the page says ~0.3 s" in message
    assert 'duration="0.3" at docs/page.md:3' in message
    assert (
        "If the program is right and the page's duration was a guess, set "
        'duration="1.4" and record the page again.'
    ) in message
    assert "The machine was not busy" in message


@pytest.mark.parametrize(
    ("cores", "others", "stretch"),
    [
        (None, 1.9, 1.0),  # sleep-bound: a sleep lasts as long on a busy machine
        (2, 0.0, 1.0),  # quiet: no allowance, lost parallelism fails
        (2, 2 / 3, 1.5 * 1.25),  # a pool of two beside a busy process gets 1.33 cores
        (2, 0.4, 2 / 1.6),  # not busy: the measured share alone, no slack
        (1, 1.0, 1.25),  # one core needed, one free, but the machine is busy
        (2, 2.0, 10.0),  # nothing free: capped, a machine that busy proves nothing
    ],
)
def test_cpu_bound_examples_are_allowed_the_slowdown_the_machine_imposed(
    cores: int | None, others: float, stretch: float
) -> None:
    values = {"duration": "1"} | ({"cores": str(cores)} if cores else {})
    run = Run(load=machine.Load(cores=2, program_cpu=1.0, others=others))
    assert allowed_stretch(parse(values), run) == pytest.approx(stretch)


def test_a_printed_set_in_another_order_is_named_as_one(project: OnePage) -> None:
    (example,) = find_doc_examples(project.root)
    settings = example.settings()
    project.write("docs/page.md", PAGE.replace("start\nend", "{'a', 'b'}\nend"))
    (example,) = find_doc_examples(project.root)
    run = Run(stdout="{'b', 'a'}\nend\n", returncode=0, seconds=0.3, line_times=[0.0, 0.3])
    (message,) = problems(example, settings, run, check_output=True)
    assert "-{'a', 'b'}\n+{'b', 'a'}" in message
    assert "The same text in another order: does the program print a set" in message
    # Whole lines in another order are what lost or added concurrency looks like.
    swapped = Run(stdout="end\n{'a', 'b'}\n", returncode=0, seconds=0.3, line_times=[0.0, 0.3])
    (message,) = problems(example, settings, swapped, check_output=True)
    assert "the output differs from the page" in message
    assert "another order" not in message


BUSY = machine.Load(cores=2, program_cpu=0.1, others=1.6)
QUIET = machine.Load(cores=2, program_cpu=0.1, others=0.0)
LATE = [Finding("line-late", 2, 0.3, 1.4), Finding("too-long", expected=(0, 0.58), measured=1.4)]
REORDERED = [Finding("output", expected=("tick", "done"), measured=("tick", "tick", "done"))]


SLEEPS = parse({"duration": "0.3"})
# As Python 3.13 wrote it on a busy machine, in debug mode (debug_mode_catches_call_...).
SLOW_STEP = (
    "Executing <Task pending name='Task-1' coro=<main() running at program.py:12> "
    "wait_for=<Future pending cb=[Task.task_wakeup()] created at base_events.py:460> "
    "cb=[_run_until_complete_cb() at base_events.py:182] created at runners.py:100> "
    "took 0.111 seconds\n"
)
COMPUTES = parse({"duration": "0.3", "cores": "1"})


@pytest.mark.parametrize(
    ("findings", "run", "settings", "again_alone"),
    [
        (LATE, Run(load=BUSY), SLEEPS, True),
        ([Finding("too-short", expected=(0.5, 1), measured=0.1)], Run(load=BUSY), SLEEPS, True),
        (LATE, Run(load=QUIET), SLEEPS, False),  # a sleep's own time: no second chance
        (LATE, Run(load=QUIET), COMPUTES, True),  # processor work: a cold start, perhaps
        ([], Run(load=BUSY), SLEEPS, False),
        ([*LATE, Finding("stderr", measured="oops")], Run(load=BUSY), SLEEPS, False),
        ([Finding("output", expected=("a",), measured=("b",))], Run(load=BUSY), COMPUTES, False),
        # A stall that made the run late can reorder what raced within it: run it alone.
        (
            [*LATE, Finding("output", expected=("a",), measured=("b",))],
            Run(load=BUSY),
            SLEEPS,
            True,
        ),
        ([*LATE, Finding("trace-turn", 15, "a", "b")], Run(load=BUSY), SLEEPS, True),
        # Late by a race's 100 ms, though within the tolerance: no late finding beside.
        (REORDERED, Run(load=BUSY, seconds=0.42), SLEEPS, True),
        (REORDERED, Run(load=BUSY, seconds=0.38), SLEEPS, False),
        (REORDERED, Run(load=QUIET, seconds=0.42), SLEEPS, False),
        (
            [*LATE, Finding("output", expected=("a",), measured=("b",))],
            Run(load=QUIET),
            SLEEPS,
            False,
        ),
        # Early is no stall: another order beside it is the program's.
        (
            [
                Finding("line-early", 1, 1.0, 0.2),
                Finding("output", expected=("a",), measured=("b",)),
            ],
            Run(load=BUSY),
            SLEEPS,
            False,
        ),
        ([*LATE, Finding("exit", measured=1)], Run(load=BUSY), SLEEPS, False),
        # Debug mode's log of a slow step is a measurement of time too; other stderr is not.
        ([Finding("stderr", measured=SLOW_STEP)], Run(load=BUSY), SLEEPS, True),
        ([Finding("stderr", measured=SLOW_STEP)], Run(load=QUIET), SLEEPS, False),
        (
            [Finding("stderr", measured=SLOW_STEP + "Traceback ...\n")],
            Run(load=BUSY),
            SLEEPS,
            False,
        ),
        (LATE, Run(load=BUSY, harness_report=["network guard: ..."]), SLEEPS, False),
    ],
)
def test_only_timing_the_machine_may_have_made_is_run_again_alone(
    findings: list[Finding], run: Run, settings, again_alone: bool
) -> None:
    assert worth_a_run_alone(findings, run, settings) is again_alone
