"""The one judge (checked_examples/judge.py), tested once, in one place: a table of what
a page promises, what a run did, and every finding the judge must return for it.

The times are chosen to be exact in binary (duration 1 s, tolerance 0.25 s: a run may
take 0.75 to 1.25 s), so that each finding is compared whole, numbers included.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pytest

from checked_examples.judge import KINDS, Finding, Observed, Promise, judge
from checked_examples.page import find_doc_examples
from checked_examples.run.runner import Run
from checked_examples.run.wording import _Words
from checked_examples.settings import parse

PROMISE = Promise(lines=("start", "end"), times=(0.0, 1.0), duration=1.0, tolerance=0.25)
RUN = Observed(stdout="start\nend\n", line_times=(0.0, 1.0), stderr="", status=0, seconds=1.0)
WINDOW = (0.75, 1.25)

TRACEBACK = 'Traceback (most recent call last):\n  File "lesson.py", line 9\n'
WARNING = "lesson.py:8: RuntimeWarning: coroutine 'sleep' was never awaited\n"


@dataclass
class Case:
    id: str
    promise: dict = field(default_factory=dict)  # changes to PROMISE
    run: dict = field(default_factory=dict)  # changes to RUN
    found: list[Finding] = field(default_factory=list)
    stretch: float = 1.0
    check_output: bool = True


CASES = [
    Case("a run that keeps the promise"),
    Case(
        "output differs",
        run={"stdout": "start\nthe end\n"},
        found=[
            Finding(
                "output",
                expected=("start", "end"),
                measured=("start", "the end"),
                diff=((" ", "start"), ("-", "end"), ("+", "the end")),
            )
        ],
    ),
    Case(
        "a line missing is an output difference, its times unjudged",
        run={"stdout": "start\n", "line_times": (0.0,)},
        found=[
            Finding(
                "output",
                expected=("start", "end"),
                measured=("start",),
                diff=((" ", "start"), ("-", "end")),
            )
        ],
    ),
    Case(
        "trailing spaces and blank lines are not output",
        run={"stdout": "start  \nend\n\n", "line_times": (0.0, 1.0, 1.0)},
    ),
    Case(
        "late line",
        run={"line_times": (0.5, 1.0)},
        found=[Finding("line-late", 1, 0.0, 0.5)],
    ),
    Case(
        "a line late by the tolerance alone is on time",
        run={"line_times": (0.25, 1.25), "seconds": 1.25},
    ),
    Case(
        "early line",
        run={"line_times": (0.0, 0.5)},
        found=[Finding("line-early", 2, 1.0, 0.5)],
    ),
    Case(
        "total too long",
        run={"seconds": 1.5},
        found=[Finding("too-long", expected=WINDOW, measured=1.5)],
    ),
    Case(
        "too short, and its last line early",
        run={"line_times": (0.0, 0.5), "seconds": 0.5},
        found=[
            Finding("line-early", 2, 1.0, 0.5),
            Finding("too-short", expected=WINDOW, measured=0.5),
        ],
    ),
    Case(
        "late lines and a late total, lost concurrency",
        run={"line_times": (0.0, 3.0), "seconds": 3.0},
        found=[
            Finding("line-late", 2, 1.0, 3.0),
            Finding("too-long", expected=WINDOW, measured=3.0),
        ],
    ),
    Case(
        "hang: nothing else is judged",
        run={"stdout": "start\n", "status": None, "seconds": 5.0, "timed_out": True},
        found=[Finding("hang", measured=5.0)],
    ),
    Case(
        "an undeclared exception",
        run={"status": 1, "stderr": TRACEBACK + "ValueError: boom\n"},
        found=[
            Finding("exit", measured=1),
            Finding("stderr", measured=TRACEBACK + "ValueError: boom\n"),
        ],
    ),
    Case(
        "the declared exception",
        promise={"raises": "ValueError"},
        run={"status": 1, "stderr": TRACEBACK + "ValueError: boom\n"},
    ),
    Case(
        "the declared exception, named with its module",
        promise={"raises": "TimeoutError"},
        run={"status": 1, "stderr": TRACEBACK + "asyncio.exceptions.TimeoutError\n"},
    ),
    Case(
        "the declared exception inside an exception group",
        promise={"raises": "ValueError"},
        run={
            "status": 1,
            "stderr": TRACEBACK + "  | ExceptionGroup: (1 sub-exception)\n"
            "  +-+---------------- 1 ----------------\n    | ValueError: boom\n",
        },
    ),
    Case(
        "the declared exception, its message declared with warns=",
        promise={"raises": "ValueError", "warns": ("ValueError: boom",)},
        run={"status": 1, "stderr": TRACEBACK + "ValueError: boom\n"},
    ),
    Case(
        "the declared exception, with another message than warns= declares",
        promise={"raises": "ValueError", "warns": ("ValueError: bang",)},
        run={"status": 1, "stderr": TRACEBACK + "ValueError: boom\n"},
        found=[
            Finding(
                "warning-missing",
                expected=("ValueError: bang",),
                measured=TRACEBACK + "ValueError: boom\n",
            )
        ],
    ),
    Case(
        "wrong exception",
        promise={"raises": "ValueError"},
        run={"status": 1, "stderr": TRACEBACK + "KeyError: 'x'\n"},
        found=[
            Finding(
                "other-exception", expected="ValueError", measured=TRACEBACK + "KeyError: 'x'\n"
            )
        ],
    ),
    Case(
        "a name that only ends like the declared one is another exception",
        promise={"raises": "Error"},
        run={"status": 1, "stderr": TRACEBACK + "ValueError: boom\n"},
        found=[
            Finding("other-exception", expected="Error", measured=TRACEBACK + "ValueError: boom\n")
        ],
    ),
    Case(
        "ended normally though raises= is declared",
        promise={"raises": "ValueError"},
        found=[Finding("ended-normally", expected="ValueError")],
    ),
    Case(
        "stray stderr",
        run={"stderr": WARNING},
        found=[Finding("stderr", measured=WARNING)],
    ),
    Case(
        "the declared warning",
        promise={"warns": ("coroutine 'sleep' was never awaited",)},
        run={"stderr": WARNING},
    ),
    Case(
        "missing warning",
        promise={"warns": ("coroutine 'sleep' was never awaited", "Task was destroyed")},
        run={"stderr": WARNING},
        found=[Finding("warning-missing", expected=("Task was destroyed",), measured=WARNING)],
    ),
    Case(
        "line count differs from times=",
        promise={"times": (0.0,)},
        found=[Finding("times-count", expected=1, measured=2)],
    ),
    Case(
        "times missing",
        promise={"times": None},
        found=[Finding("times-missing")],
    ),
    Case(
        "times unreadable",
        promise={"times": None, "times_error": "times= holds 'soon', not seconds"},
        found=[Finding("times-unreadable", expected="times= holds 'soon', not seconds")],
    ),
    Case(
        "no output block",
        promise={"lines": None, "times": None},
        found=[Finding("no-output-block", measured=("start", "end"))],
    ),
    Case(
        "no output block, and nothing printed",
        promise={"lines": None, "times": None},
        run={"stdout": "", "line_times": ()},
    ),
    Case(
        "no output block, for a Python too new to record it",
        promise={"lines": None, "times": None, "output_unrecordable": True},
    ),
    Case(
        # Recorded elsewhere (the 3.15-only example's, from CPython 3.15 in Pyodide, by
        # python -m checked_examples check-pyodide --record): then it is judged like any.
        "an output recorded elsewhere for a Python too new to record with is judged",
        promise={"output_unrecordable": True},
        run={"stdout": "start\nthe end\n"},
        found=[
            Finding(
                "output",
                expected=("start", "end"),
                measured=("start", "the end"),
                diff=((" ", "start"), ("-", "end"), ("+", "the end")),
            )
        ],
    ),
    Case(
        "a Python too new to record still has its total judged",
        promise={"lines": None, "times": None, "output_unrecordable": True},
        run={"seconds": 1.5},
        found=[Finding("too-long", expected=WINDOW, measured=1.5)],
    ),
    Case(
        "stretch allows a CPU-bound run on a busy machine to be late",
        run={"line_times": (0.0, 2.0), "seconds": 2.0},
        stretch=2.0,
    ),
    Case(
        "stretch allows so much and no more",
        run={"line_times": (0.0, 2.5), "seconds": 2.5},
        stretch=2.0,
        found=[
            Finding("line-late", 2, 1.0, 2.5),
            Finding("too-long", expected=(0.75, 2.25), measured=2.5),
        ],
    ),
    Case(
        "stretch does not excuse an early run",
        run={"line_times": (0.0, 0.5), "seconds": 0.5},
        stretch=2.0,
        found=[
            Finding("line-early", 2, 1.0, 0.5),
            Finding("too-short", expected=(0.75, 2.25), measured=0.5),
        ],
    ),
    Case(
        "check_output=False skips the output and the line times",
        run={"stdout": "other\n", "line_times": (0.9,)},
        check_output=False,
    ),
    Case(
        "check_output=False still judges the ending, stderr and the total",
        run={"stdout": "other\n", "status": 1, "stderr": "oops\n", "seconds": 1.5},
        check_output=False,
        found=[
            Finding("exit", measured=1),
            Finding("stderr", measured="oops\n"),
            Finding("too-long", expected=WINDOW, measured=1.5),
        ],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_the_judge(case: Case) -> None:
    found = judge(
        replace(PROMISE, **case.promise),
        replace(RUN, **case.run),
        stretch=case.stretch,
        check_output=case.check_output,
    )
    assert found == case.found


def test_the_table_has_every_kind_of_finding() -> None:
    kinds = {finding.kind for case in CASES for finding in case.found}
    assert kinds == set(KINDS)


def test_the_suite_has_words_for_every_kind_of_finding(tmp_path) -> None:
    # One finding of each kind, from the table, worded as the suite words them.
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/page.md").write_text('# A page\n\n```py {duration="1"}\nprint(1)\n```\n')
    (example,) = find_doc_examples(tmp_path)
    settings = parse({"duration": "1", "raises": "ValueError", "warns": "Task was destroyed"})
    run = Run(stdout="start\nend\n", stderr="oops\n", returncode=1, seconds=1.5)
    words = _Words(example, settings, run, stretch=1.0)
    said = {}
    for case in CASES:
        for finding in case.found:
            said.setdefault(finding.kind, words.all([finding]))
    assert set(said) == set(KINDS)
    for kind, messages in said.items():
        assert len(messages) == 1, (kind, messages)
        assert messages[0].strip(), kind
    assert len({messages[0] for messages in said.values()}) == len(KINDS), said


def test_the_browsers_run_report_is_read_as_the_suites_observed_run() -> None:
    # docs/assets/run/engine.mjs reports lines as a list and times as lineTimes.
    report = {"stdout": ["start", "end"], "lineTimes": [0.0, 1.0], "stderr": "", "status": 0}
    assert Observed.from_browser(report | {"seconds": 1.0}) == RUN
    late = Observed.from_browser(report | {"lineTimes": [0.0, 3.0], "seconds": 3.0})
    assert judge(PROMISE, late) == [
        Finding("line-late", 2, 1.0, 3.0),
        Finding("too-long", expected=WINDOW, measured=3.0),
    ]
