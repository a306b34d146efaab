"""The step-through of a recorded run, on a page of the built site, for the view's tests.

Until the pages carry real recorded traces (`trace="true"` fences, recorded by
`make update-examples`), the tests put the HAND-MADE fixture of the gather example
(trace_fixtures/) into its page, rendered by the build's own code (trace_html.py), where
the build would put it: after the example's output block and timeline (in place of the
example's recorded trace, if it has one by then).
"""

from __future__ import annotations

import json
from pathlib import Path

from checked_examples.markdown.trace_html import trace_markup

FIXTURE = Path(__file__).parent / "trace_fixtures" / "hand_made_for_tests_gather.trace.json"
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
