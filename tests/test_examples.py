"""The one test behind every example on the site: a new page needs no test code.

For each `py` block in docs/ (the plugin, checked_examples.pytest_plugin, gives the test
one `page_example` each) it runs the program as a reader would and checks its whole stdout,
in order, each line's time, its duration, how it ends, and that it warns only where the
lesson says so (the judge: checked_examples/judge.py). And every file in examples/ is on
a page, once.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checked_examples.embed import example_files
from checked_examples.errors import BlockError
from checked_examples.page import DocExample
from checked_examples.pytest_plugin import check_example, check_exercise_answer
from checked_examples.run.pythons import Python
from checked_examples.run.schedule import Schedule
from checked_examples.trace import SUFFIX, trace_path


# `python`: the interpreter running pytest, or each of several (--also-python).
def test_example_runs_as_the_page_says(
    page_example: DocExample,
    python: Python,
    request: pytest.FixtureRequest,
    example_runs: Schedule,
    record_property,
) -> None:
    check_example(page_example, python, request, example_runs, record_property)


def test_every_example_file_is_on_a_page(site: Path, examples: tuple[DocExample, ...]) -> None:
    embedded: dict[Path, list[str]] = {}
    for example in examples:
        if example.embedded:
            embedded.setdefault(example.embedded, []).append(example.where)
            try:
                exercise = example.exercise()
            except BlockError:
                continue  # its own test says what is wrong
            # An exercise's starter brings its folder: solution, wrong answers, hints.
            for path in exercise.files() if exercise else ():
                if path != example.embedded:
                    embedded.setdefault(path, []).append(example.where)
    orphans = [path for path in example_files(site) if path not in embedded]
    twice = {path: places for path, places in embedded.items() if len(places) > 1}
    messages = [
        f"{path.relative_to(site)}: not embedded in any page; embed it with "
        f'--8<-- "{path.relative_to(site)}" in a ```py block, or delete it'
        for path in orphans
    ] + [
        f"{path.relative_to(site)}: embedded {len(places)} times ({', '.join(places)}); "
        "embed it once and link to that page"
        for path, places in twice.items()
    ]
    assert not messages, "\n".join(messages)


def test_the_finder_sees_every_embed(site: Path, examples: tuple[DocExample, ...]) -> None:
    # Guards the collection itself: a finder that misses blocks must not pass as
    # "nothing to check". Every `--8<-- "examples/...` line in docs/ is an example.
    embeds = sum(
        page.read_text(encoding="utf-8").count('--8<-- "examples/')
        for page in (site / "docs").rglob("*.md")
    )
    assert embeds, "no example is embedded anywhere under docs/"
    assert len([e for e in examples if e.embedded]) == embeds


# Each exercise's starter and wrong answers (checked_examples/exercise.py): its solution is
# its block's program in the test above.
def test_exercise_answer_fails_the_goal(
    exercise_answer: DocExample,
    python: Python,
    request: pytest.FixtureRequest,
    example_runs: Schedule,
) -> None:
    check_exercise_answer(exercise_answer, python, request, example_runs)


def test_every_trace_belongs_to_a_traced_example(
    site: Path, examples: tuple[DocExample, ...]
) -> None:
    """A recorded event-loop story (trace.py) sits beside an example whose fence asks for
    it: one left behind after trace="true" was dropped would be checked by nothing."""
    traced = set()
    for example in examples:
        try:
            if example.embedded and example.settings().trace:
                traced.add(trace_path(example.embedded))
        except BlockError:
            continue  # its own test says what is wrong
    stale = [
        path.relative_to(site)
        for path in sorted((site / "examples").rglob("*" + SUFFIX))
        if path not in traced
    ]
    assert not stale, "\n".join(
        f'{path}: no fence with trace="true" embeds its example: delete it, or add '
        'trace="true" to the fence'
        for path in stale
    )
