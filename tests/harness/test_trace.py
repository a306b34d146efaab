"""The event loop's story (trace="true"): recorded beside the example by --update-examples
(loop_trace.py, record.py), checked on every run (trace.py), its changes said with the
turn and the lines (run/wording.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from checked_examples import loop_trace, trace
from checked_examples.judge import Finding
from checked_examples.page import find_doc_examples
from checked_examples.run import wording
from checked_examples.run.pythons import candidates, newest_per_minor
from checked_examples.run.runner import Run, run_program
from checked_examples.trace import compare
from harness.one_page import OnePage, output

GATHERED = """\
import asyncio


async def fetch(name, seconds):
    await asyncio.sleep(seconds)
    print(f"got {name}")


async def main():
    await asyncio.gather(fetch("a", 0.2), fetch("b", 0.3))


asyncio.run(main())
"""

# The same lines, and at times the page allows (b at 0.5 s, within 0.28 s of 0.3 s), but
# one after another: only the story tells.
SEQUENTIAL = GATHERED.replace(
    '    await asyncio.gather(fetch("a", 0.2), fetch("b", 0.3))',
    '    await fetch("a", 0.2)\n    await fetch("b", 0.3)',
)

TRACED_PAGE = """\
# A page

```py {duration="0.3" trace="true"}
--8<-- "examples/page/lesson.py"
```
"""

TRACE = "examples/page/lesson.trace.json"


@pytest.fixture
def traced(project: OnePage) -> OnePage:
    project.write("examples/page/lesson.py", GATHERED)
    project.write("docs/page.md", TRACED_PAGE)
    result = project.check("--update-examples")
    assert result.ret == 0, output(result)
    return project


def test_update_records_the_story_and_a_second_update_changes_nothing(traced: OnePage) -> None:
    story = json.loads(traced.read(TRACE))
    assert story["example"] == "examples/page/lesson.py"
    assert [(t["coro"], t["parent"], t["outcome"]) for t in story["tasks"]] == [
        ("main", None, "result"),
        ("fetch", 1, "result"),
        ("fetch", 1, "result"),
    ]
    # main starts both and waits at the gather; each fetch sleeps, then ends; then main.
    assert [(t["task"], t["resumed"], t["suspended"]) for t in story["turns"]] == [
        (1, 9, 10),
        (2, 4, 5),
        (3, 4, 5),
        (2, 5, None),
        (3, 5, None),
        (1, 10, None),
    ]
    assert story["turns"][0]["waits_on"] == 'await asyncio.gather(fetch("a", 0.2), fetch("b", 0.3))'
    assert story["turns"][1]["ready"] == [3]
    first = traced.read(TRACE)
    again = traced.check("--update-examples")
    assert again.ret == 0, output(again)
    assert "0 page(s) rewritten" in output(again)
    assert traced.read(TRACE) == first


def test_a_gather_made_sequential_fails_with_its_turn_and_line(traced: OnePage) -> None:
    traced.write("examples/page/lesson.py", SEQUENTIAL)
    result = traced.check()
    said = output(result)
    assert result.ret == 1, said
    assert "the schedule changed at turn 1 of the event loop (examples/page/lesson.trace.json)" in (
        said
    )
    assert (
        "recorded:  task 1 (main, 'Task-1') resumed at line 9 and stopped at line 10 "
        '(await asyncio.gather(fetch("a", 0.2), fetch("b", 0.3)))'
    ) in said
    assert (
        "this run:  task 1 (main, 'Task-1') resumed at line 9 and stopped at line 5 "
        "(await asyncio.sleep(seconds))"
    ) in said
    assert "the program's tasks differ from examples/page/lesson.trace.json at task 2" in said
    # What the page's output and times check alone let through.
    for other in ("output differs", "wrong time", "took"):
        assert other not in said


def test_a_traced_example_without_its_story_says_how_to_record_it(project: OnePage) -> None:
    project.write("examples/page/lesson.py", GATHERED)
    project.write(
        "docs/page.md",
        TRACED_PAGE + '\n```output {times="0.2 0.3"}\ngot a\ngot b\n```\n',
    )
    result = project.check()
    assert result.ret == 1
    assert "lesson.trace.json does not exist: run `make update-examples PAGE=page`" in output(
        result
    )


def test_a_bad_trace_value_names_the_file_and_line(project: OnePage) -> None:
    project.write("docs/page.md", TRACED_PAGE.replace('trace="true"', 'trace="yes"'))
    result = project.check()
    assert result.ret == 1
    assert 'docs/page.md:3: trace="yes" must be "true"' in output(result)


def test_a_story_left_behind_is_named(project: OnePage) -> None:
    project.write(TRACE, "{}\n")
    result = project.pytest("tests/test_examples.py", "-k", "trace_belongs")
    assert result.ret == 1
    assert 'examples/page/lesson.trace.json: no fence with trace="true"' in output(result)


# The comparison alone (trace.py), case by case.

STORY = {
    "version": 1,
    "python": "3.11",
    "tasks": [
        {"id": 1, "name": "Task-1", "coro": "main", "parent": None, "created": 0.0,
         "done": 1.0, "outcome": "result"},
        {"id": 2, "name": "fetcher", "coro": "fetch", "parent": 1, "created": 0.0,
         "done": 1.0, "outcome": "result"},
    ],
    "turns": [
        {"at": 0.0, "task": 1, "resumed": 9, "suspended": 10, "ran": 1e-5, "ready": [],
         "waits_on": "await t"},
        {"at": 0.0, "task": 2, "resumed": 4, "suspended": 5, "ran": 1e-5, "ready": [],
         "waits_on": "await asyncio.sleep(1)"},
        {"at": 1.0, "task": 2, "resumed": 5, "suspended": None, "ran": 1e-5, "ready": [],
         "waits_on": None},
        {"at": 1.0, "task": 1, "resumed": 10, "suspended": None, "ran": 1e-5, "ready": [],
         "waits_on": None},
    ],
}  # fmt: skip


def changed(**edits) -> dict:
    story = json.loads(json.dumps(STORY))
    for path, value in edits.items():
        part, number, key = path.split("__")
        story[part][int(number)][key] = value
    return story


@pytest.mark.parametrize(
    ("story", "kinds"),
    [
        (STORY, []),
        # Informative only: how long code ran, what else was ready, an automatic name.
        (changed(turns__0__ran=0.5, turns__1__ready=[1], tasks__0__name="Task-9"), []),
        (changed(turns__2__at=1.2), []),  # within the tolerance
        (changed(turns__2__at=1.5), ["trace-late"]),
        (changed(turns__2__at=0.5), ["trace-early"]),
        (changed(turns__1__suspended=6), ["trace-turn"]),
        (changed(turns__0__task=2), ["trace-turn"]),
        (changed(tasks__1__outcome="cancelled"), ["trace-task"]),
        (changed(tasks__1__name="other"), ["trace-task"]),  # a name the program gave
        ({**STORY, "turns": STORY["turns"][:3]}, ["trace-turn"]),
        (None, ["trace-not-recorded"]),
    ],
)
def test_compare(story: dict | None, kinds: list[str]) -> None:
    assert [finding.kind for finding in compare(STORY, story, 0.35)] == kinds


def swapped(story: dict, a: int, b: int) -> dict:
    turns = list(story["turns"])
    turns[a], turns[b] = turns[b], turns[a]
    return {**story, "turns": turns}


def test_turns_of_one_instant_may_come_in_another_order_and_others_may_not() -> None:
    # Turns 3 and 4 both at 1.0 s: the order of the loop's one pass, a race of the clock.
    assert compare(STORY, swapped(STORY, 2, 3), 0.35) == []
    # Half a second apart, they are two moments of the program: their order is its own.
    apart = changed(turns__2__at=0.5)
    found = compare(apart, swapped(apart, 2, 3), 0.35)
    assert [(finding.kind, finding.line) for finding in found] == [("trace-turn", 3)]


def test_compare_names_the_first_turn_that_differs() -> None:
    found = compare(STORY, changed(turns__2__resumed=4, turns__3__resumed=4), 0.35)
    assert found == [
        Finding(
            "trace-turn",
            3,
            {**STORY["turns"][2], "name": "fetcher", "coro": "fetch"},
            {**STORY["turns"][2], "resumed": 4, "name": "fetcher", "coro": "fetch"},
        )
    ]


def test_no_recorded_story_or_one_of_another_format_is_a_finding_of_its_own() -> None:
    assert [f.kind for f in compare(None, STORY, 0.35)] == ["trace-missing"]
    assert [f.kind for f in compare({**STORY, "version": 2}, STORY, 0.35)] == ["trace-version"]


# The recorder itself (loop_trace.py), in the child process the suite runs.

EAGER = """\
import asyncio


async def child(wait):
    if wait:
        await asyncio.sleep(0.01)


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    asyncio.create_task(child(False))  # ends inside create_task
    await asyncio.create_task(child(True))


asyncio.run(main())
"""


def _story(tmp_path: Path, source: str, python: str = sys.executable) -> dict:
    tmp_path.mkdir(exist_ok=True)
    run = run_program(source, "lesson.py", tmp_path, timeout=20, python=python, trace=True)
    assert run.returncode == 0, run.stderr
    assert run.trace is not None
    return run.trace


def test_the_story_is_the_same_on_another_python(tmp_path: Path, other_python) -> None:
    here = _story(tmp_path / "here", GATHERED)
    there = _story(tmp_path / "there", GATHERED, other_python.executable)
    assert there["python"] == other_python.name
    assert compare(here, there, 0.35) == []


def test_asyncio_own_tasks_are_left_out(tmp_path: Path) -> None:
    # asyncio.run's shutdown (shutdown_asyncgens, shutdown_default_executor) runs tasks too.
    story = _story(tmp_path, GATHERED)
    assert {task["coro"] for task in story["tasks"]} == {"main", "fetch"}


def test_a_task_exception_is_still_reported_as_never_retrieved(tmp_path: Path) -> None:
    source = (
        "import asyncio\n\n\nasync def fail():\n    raise ValueError\n\n\nasync def main():\n"
        "    asyncio.create_task(fail())\n    await asyncio.sleep(0.01)\n\n\nasyncio.run(main())\n"
    )
    run = run_program(source, "lesson.py", tmp_path, timeout=20, trace=True)
    assert "Task exception was never retrieved" in run.stderr
    assert run.trace["tasks"][1]["outcome"] == "exception"


def test_an_eager_first_step_is_a_turn_of_its_own(tmp_path: Path) -> None:
    # On every Python 3.12+ here: 3.12.1 crashes when asked for the coroutine of an eager
    # task that ended inside create_task, which the recorder therefore never asks.
    pythons = [
        (minor, str(path))
        for minor, (_, path) in newest_per_minor(candidates()).items()
        if minor >= (3, 12)
    ]
    if not pythons:
        pytest.skip("eager tasks are new in 3.12, and no Python 3.12+ is here")
    for minor, python in pythons:
        story = _story(tmp_path / f"{minor}", EAGER, python)
        assert [task.get("eager") for task in story["tasks"]] == [None, True, True], minor
        assert [
            (turn["task"], turn["resumed"], turn["suspended"], turn.get("eager"))
            for turn in story["turns"]
        ] == [(1, 9, 12, None), (2, 4, None, True), (3, 4, 6, True), (3, 6, None, None),
              (1, 12, None, None)], minor  # fmt: skip


def test_dumps_puts_one_turn_on_a_line() -> None:
    text = loop_trace.dumps(STORY)
    assert json.loads(text) == STORY
    assert text.count("\n") == 8 + len(STORY["tasks"]) + len(STORY["turns"])


def test_every_kind_of_trace_finding_has_words(project: OnePage) -> None:
    project.write("docs/page.md", TRACED_PAGE)
    (example,) = find_doc_examples(project.root)
    words = wording._Words(example, example.settings(), Run(), 1.0)
    turn, task = {**STORY["turns"][1], "name": "fetcher", "coro": "fetch"}, STORY["tasks"][1]
    values = {
        "trace-turn": (turn, None),
        "trace-task": (task, None),
        "trace-late": (1.0, 1.5),
        "trace-early": (1.0, 0.5),
        "trace-version": (1, 2),
    }
    for kind in trace.KINDS:
        expected, measured = values.get(kind, (None, None))
        said = words.one(Finding(kind, 2, expected, measured))
        assert "lesson.trace.json" in said, kind
