"""An example's recorded run, to step through: the button that opens it, and its data.

When an example's file has a trace beside it (`examples/<page>/<lesson>.trace.json`,
recorded from a real run by `make update-examples`), the output block under it is
followed by a "Step through this run" button and the trace itself, as JSON in the
`data-trace` attribute of their container: a few kB. Not in a `<script
type="application/json">`: Material's instant navigation runs a page's scripts again as
JavaScript, type or not, and the JSON would fail there. Both are
rendered hidden: docs/assets/trace/trace-button.mjs shows the button and, on its first
click, imports the view (trace-view.mjs), so nothing of the view is requested before a
reader asks for it, and a page read without JavaScript has no button that does nothing.

The trace is recorded by checked_examples/loop_trace.py, whose docstring holds its
format; the build checks only what it can without drawing: the format's version, and
that the trace is this example's.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from ..embed import TRACE_SUFFIX
from ..errors import BlockError

FORMAT_VERSION = 1  # the version of the trace format trace-view.mjs reads


def trace_path(example: str) -> str:
    """Where the trace of `example` (a path under examples/, ending in .py) is kept."""
    return str(Path(example).with_suffix(TRACE_SUFFIX))


def trace_html(root: Path, example: str | None) -> str:
    """The hidden button and data for `example`'s trace, or "" when it has none."""
    if not example:
        return ""
    path = trace_path(example)
    file = root / path
    if not file.is_file():
        return ""
    try:
        trace = json.loads(file.read_text(encoding="utf-8"))
    except ValueError as error:
        raise BlockError(f"{path} is not JSON ({error}): run make update-examples") from None
    if not isinstance(trace, dict) or trace.get("version") != FORMAT_VERSION:
        found = trace.get("version") if isinstance(trace, dict) else None
        raise BlockError(f"{path}: trace format version {found!r}, the page reads {FORMAT_VERSION}")
    if trace.get("example") != example:
        raise BlockError(f"{path} is the trace of {trace.get('example')!r}, not of {example}")
    return trace_markup(trace)


def trace_markup(trace: dict) -> str:
    """The hidden button and the data, for a trace already read and checked."""
    example = trace["example"]
    # In single quotes: JSON's many double quotes then stay as they are (a third smaller).
    text = json.dumps(trace, separators=(",", ":"), ensure_ascii=False)
    data = html.escape(text, quote=False).replace("'", "&#x27;")
    lesson = Path(example).stem
    view = f"trace-{lesson}"
    return (
        f'<div class="example-trace" data-example="{html.escape(example)}" data-trace=\'{data}\' '
        "hidden>"
        f'<button type="button" class="md-button example-trace__open" aria-expanded="false" '
        f'aria-controls="{view}">Step through this run</button>'
        f'<div class="example-trace__view" id="{view}" hidden></div>'
        "</div>"
    )
