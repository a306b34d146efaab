"""An example's recorded run in the page (markdown/trace_html.py): the hidden "Step
through this run" button and the trace's data, rendered under the output block when the
example has a trace file beside it, and a trace that is not this example's fails the
build with the output block's line. The view itself is tested in Chromium
(tests/browser/test_trace_view.py)."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest
from test_docs_hooks import PAGE, _in_a_project, render  # noqa: F401 (a fixture)

from checked_examples.embed import example_files
from checked_examples.markdown.fences import ExampleFenceError

EXAMPLE = "examples/page/gather_lesson.py"
TRACE = {
    "version": 1,
    "example": EXAMPLE,
    "python": "3.13",
    "tasks": [
        {
            "id": 1,
            "name": "Task-1",
            "coro": "main",
            "parent": None,
            "created": 0.0,
            "done": 2.0,
            "outcome": "result",
        }
    ],
    "turns": [
        {
            "at": 0.0,
            "task": 1,
            "resumed": 3,
            "suspended": None,
            "ran": 2e-05,
            "ready": [],
            "waits_on": "await x  # \"</div><b>'",
        }
    ],
}


def write_trace(trace: dict) -> None:
    Path(EXAMPLE).with_suffix(".trace.json").write_text(json.dumps(trace), encoding="utf-8")


def test_no_trace_file_no_button() -> None:
    assert "example-trace" not in render(PAGE)


def test_a_trace_file_puts_its_button_and_data_after_the_output_and_timeline() -> None:
    write_trace(TRACE)
    html = render(PAGE)
    assert (
        html.index("example-output")
        < html.index("example-timeline")
        < html.index('class="example-trace"')
    )
    box = re.search(
        r'<div class="example-trace" data-example="([^"]+)" data-trace=\'[^\']*\' hidden>', html
    )
    assert box, "no container"
    assert box[1] == EXAMPLE
    assert 'aria-expanded="false" aria-controls="trace-gather_lesson"' in html
    assert '<div class="example-trace__view" id="trace-gather_lesson" hidden>' in html
    data = re.search(r"data-trace='([^']*)'", html)
    assert data, "no data"
    assert json.loads(unescape(data[1])) == TRACE  # whole, though it holds quotes and tags


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"example": "examples/page/other.py"}, "is the trace of 'examples/page/other.py'"),
        ({"version": 2}, "trace format version 2, the page reads 1"),
    ],
)
def test_a_trace_that_is_not_this_examples_fails_the_build_at_its_output(change, message) -> None:
    write_trace({**TRACE, **change})
    with pytest.raises(
        ExampleFenceError, match=r"^7: examples/page/gather_lesson\.trace\.json"
    ) as error:
        render(PAGE)
    assert message in str(error.value)


def test_a_trace_beside_its_example_is_no_orphan_program() -> None:
    write_trace(TRACE)
    assert example_files(Path.cwd()) == [Path.cwd() / EXAMPLE]
