"""Does a run's event-loop story keep the one recorded beside the example?

An example whose fence says `trace="true"` has its story (loop_trace.py: its tasks, and
each turn of the loop that ran one of them) recorded by `make update-examples` in
`examples/<page>/<lesson>.trace.json`. Every run of the suite, on every Python, records
it again, and this compares the two: which task resumed after which, on which line, and
where it stopped, must be the same turn for turn; when each turn came, within the
example's tolerance. A gather made sequential, or an await added, changes the order of
the turns, and the first turn that differs is named with its lines. Turns of one instant
(INSTANT) may come in any order among themselves: that order is the clock's, not the
program's, and differs from run to run on a busy machine.

Pure and standard library only, like the judge whose `Finding` it returns (the suite words
them in run/wording.py).
"""

from __future__ import annotations

import re
from pathlib import PurePath

from .embed import TRACE_SUFFIX as SUFFIX
from .judge import Finding

KINDS = (
    "trace-missing",  # the fence asks for a trace, none is recorded; expected: the file
    "trace-not-recorded",  # this run recorded no story (it crashed early?)
    "trace-version",  # expected: the format version this engine reads; measured: the file's
    "trace-task",  # task `line` differs; expected/measured: the task (or None), as recorded
    "trace-turn",  # turn `line` differs; expected/measured: the turn with its task, or None
    "trace-late",  # turn `line` came late; expected/measured: seconds
    "trace-early",
)

VERSION = 1
# Turns closer together than this (seconds), with no wider gap between them, happened at
# one instant: the loop ran them in one go, or a few milliseconds apart, and their order
# among themselves is a race of the clock, not the program's (three sleeps of 1 s started
# a moment apart end in one pass of the loop, or in two on a busy machine, and what they
# wake comes between). No lesson rests on an order under 100 ms.
INSTANT = 0.05
_AUTOMATIC_NAME = re.compile(r"Task-\d+")


def trace_path(program: PurePath) -> PurePath:
    """Where the story of the example at `program` is kept: beside it."""
    return program.with_name(program.stem + SUFFIX)


def compare(
    recorded: dict | None, story: dict | None, tolerance: float, stretch: float = 1.0
) -> list[Finding]:
    """Every way `story` (this run's) breaks `recorded` (the file's); empty when it keeps it.

    Only the first task and the first turn that differ are named: after the schedule has
    changed, every later turn differs too.
    """
    if recorded is None:
        return [Finding("trace-missing")]
    if story is None:
        return [Finding("trace-not-recorded")]
    if recorded.get("version") != VERSION:
        return [Finding("trace-version", expected=VERSION, measured=recorded.get("version"))]
    found = _first_task_difference(recorded["tasks"], story["tasks"])
    found += _first_turn_difference(recorded, story)
    if not found:
        found = _turn_times(recorded["turns"], story["turns"], tolerance, stretch)
    return found


def same_story(recorded: dict | None, story: dict, tolerance: float) -> bool:
    """Whether a new recording would say nothing the file does not (record.py keeps the
    file then, so that recording twice changes nothing)."""
    return recorded is not None and not compare(recorded, story, tolerance)


def task_key(task: dict) -> tuple:
    """What must be the same of a task: its coroutine, parent, outcome, whether it ran
    eagerly, and its name when the program gave it one."""
    name = task["name"]
    return (
        task["coro"],
        task["parent"],
        task["outcome"],
        bool(task.get("eager")),
        None if _AUTOMATIC_NAME.fullmatch(name or "") else name,
    )


def turn_key(turn: dict) -> tuple:
    """What must be the same of a turn: whose step, and the lines it resumed and stopped at."""
    return (turn["task"], turn["resumed"], turn["suspended"], bool(turn.get("eager")))


def _first_task_difference(recorded: list[dict], measured: list[dict]) -> list[Finding]:
    for number in range(max(len(recorded), len(measured))):
        old = recorded[number] if number < len(recorded) else None
        new = measured[number] if number < len(measured) else None
        if old is None or new is None or task_key(old) != task_key(new):
            return [Finding("trace-task", number + 1, old, new)]
    return []


def instants(turns: list[dict]) -> list[range]:
    """The recorded turns, cut where more than INSTANT seconds pass between two: each piece
    is what the loop did at one instant."""
    cuts = [0]
    cuts += [n for n in range(1, len(turns)) if turns[n]["at"] - turns[n - 1]["at"] > INSTANT]
    return [range(a, b) for a, b in zip(cuts, [*cuts[1:], len(turns)], strict=True)]


def _first_turn_difference(recorded: dict, story: dict) -> list[Finding]:
    """The first turn where the run's schedule leaves the recorded one: at each recorded
    instant the same turns (in any order among themselves), and each task's own turns in
    the same order."""
    old, new = recorded["turns"], story["turns"]
    spans = instants(old) if old else []
    spans.append(range(len(old), max(len(old), len(new))))  # turns this run added
    for span in spans:
        olds = [turn_key(turn) for turn in old[span.start : span.stop]]
        news = [turn_key(turn) for turn in new[span.start : span.stop]]
        if len(news) != len(span) or sorted(olds, key=repr) != sorted(news, key=repr):
            at = next(
                (n for n in span if n >= len(new) or turn_key(old[n]) != turn_key(new[n])),
                span.start,
            )
            return [_turn_finding(at, recorded, story)]
    steps = {key[:2]: key[2] for key in _by_task(new)}
    for number, key in enumerate(_by_task(old)):
        if steps.get(key[:2]) != key[2]:
            return [_turn_finding(number, recorded, story)]
    return []


def _by_task(turns: list[dict]) -> list[tuple]:
    """Each turn as (its task, its place among that task's turns, what it did)."""
    seen: dict[int, int] = {}
    keyed = []
    for turn in turns:
        seen[turn["task"]] = seen.get(turn["task"], 0) + 1
        keyed.append((turn["task"], seen[turn["task"]], turn_key(turn)))
    return keyed


def _turn_finding(number: int, recorded: dict, story: dict) -> Finding:
    old, new = recorded["turns"], story["turns"]
    return Finding(
        "trace-turn",
        number + 1,
        _with_task(old[number] if number < len(old) else None, recorded["tasks"]),
        _with_task(new[number] if number < len(new) else None, story["tasks"]),
    )


def _with_task(turn: dict | None, tasks: list[dict]) -> dict | None:
    """The turn with its task's name and coroutine, for the words."""
    if turn is None:
        return None
    task = tasks[turn["task"] - 1] if 0 < turn["task"] <= len(tasks) else {}
    return {**turn, "name": task.get("name"), "coro": task.get("coro")}


def _turn_times(
    recorded: list[dict], measured: list[dict], tolerance: float, stretch: float
) -> list[Finding]:
    """Each turn when the recording says, within the tolerance; a turn is the same one when
    it is the same task's same step (turns of one instant may come in another order)."""
    when = {key[:2]: turn["at"] for key, turn in zip(_by_task(measured), measured, strict=True)}
    for number, (key, old) in enumerate(zip(_by_task(recorded), recorded, strict=True), 1):
        at = when[key[:2]]
        if at < old["at"] - tolerance:
            return [Finding("trace-early", number, old["at"], at)]
        if at > old["at"] * stretch + tolerance:
            return [Finding("trace-late", number, old["at"], at)]
    return []


def describe_turn(turn: dict | None) -> str:
    """One turn in words: 'task 2 (child, "Task-2") resumed at line 4 and stopped at
    line 5 (await asyncio.sleep(1))'."""
    if turn is None:
        return "no such turn"
    who = f"task {turn['task']} ({turn.get('coro')}, {turn.get('name')!r})"
    began = "started at line" if turn.get("eager") else "resumed at line"
    ended = (
        "and finished"
        if turn["suspended"] is None
        else f"and stopped at line {turn['suspended']} ({turn.get('waits_on')})"
    )
    return f"{who} {began} {turn['resumed']} {ended}"


def describe_task(task: dict | None) -> str:
    if task is None:
        return "no such task"
    parent = "asyncio.run" if task["parent"] is None else f"task {task['parent']}"
    outcome = task["outcome"] or "never finished"
    eager = ", eager" if task.get("eager") else ""
    return (
        f"{task['coro']}() named {task['name']!r}, created by {parent}{eager}, "
        f"ended with: {outcome}"
    )
