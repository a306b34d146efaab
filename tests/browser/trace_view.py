"""The step-through of a recorded run, on a page of the built site, for the view's tests.

The tests put the gather example's recorded trace (or a changed copy of it) into its page,
rendered by the build's own code (trace_html.py), where the build puts it: after the
example's output block and timeline, in place of the one the build rendered.
"""

from __future__ import annotations

import json
from pathlib import Path

from checked_examples.markdown.trace_html import trace_markup
from checked_examples.paths import ROOT

FIXTURE = (
    ROOT / "examples" / "running-several-coroutines" / "gather_runs_fetches_concurrently.trace.json"
)
PAGE = "running-several-coroutines/"

_INSERT = """([name, markup]) => {
  // A recorded trace of the same example, once there is one, makes way for the fixture.
  document.querySelector(`.example-trace[data-example$="/${name}"]`)?.remove();
  const titles = [...document.querySelectorAll(".highlight > .filename")];
  let at = titles.find(t => t.textContent === name).parentElement;
  const under = ".example-run, .example-output, .example-stderr, .example-timeline";
  while (at.nextElementSibling?.matches(under)) at = at.nextElementSibling;
  at.insertAdjacentHTML("afterend", markup);
}"""


def fixture() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def put_fixture(page, trace: dict | None = None) -> None:
    """The fixture's button and data (or `trace`'s) under its example, hidden as the build
    renders them."""
    trace = trace or fixture()
    page.evaluate(_INSERT, [Path(trace["example"]).name, trace_markup(trace)])
