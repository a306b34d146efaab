"""Plumbing for the example suite.

- `--page NAME` keeps the examples of docs/NAME.md alone, with the checks that are not
  about one example (`make examples PAGE=NAME`).
- The CPU-bound examples run first, each with the machine to itself, then the rest
  side by side, longest first, so the suite takes about as long as its longest one.
- `--update-examples` (an option pytest-examples defines): tests record the output
  they saw in `config.example_updates`. With xdist each worker hands its records to
  the controller when it finishes, and only the controller rewrites pages, once,
  after every test has run.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from example_format.errors import BlockError
from example_format.settings import Settings
from example_harness import rewrite

ROOT = Path(__file__).resolve().parent.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--page",
        action="append",
        default=[],
        metavar="NAME",
        help="of the examples, run only those of docs/NAME.md (repeatable)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.cpu_bound_total = 0  # counted at collection
    config.example_updates = []
    config.example_update_report = None
    pages = config.getoption("page")
    unknown = [name for name in pages if not (ROOT / "docs" / f"{name}.md").is_file()]
    if unknown:
        known = " ".join(sorted(p.stem for p in (ROOT / "docs").glob("*.md")))
        raise pytest.UsageError(
            f"no page docs/{unknown[0]}.md: PAGE takes a page's file name without .md, "
            f"one of: {known}"
        )


def _example(item: pytest.Item):
    callspec = getattr(item, "callspec", None)
    return callspec.params.get("example") if callspec else None


def _settings(item: pytest.Item) -> Settings | None:
    """An example test's settings; None for other tests and for blocks that cannot be read
    (those fail in their own test, with the place)."""
    example = _example(item)
    try:
        return example.settings() if example else None
    except BlockError:
        return None


def _run_order(item: pytest.Item) -> tuple[bool, float]:
    """The CPU-bound ones first (they run alone), then the longest first."""
    settings = _settings(item)
    return (True, 0.0) if settings is None else (not settings.cores, -settings.duration)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    pages = config.getoption("page")
    if pages:
        wanted = {ROOT / "docs" / f"{name}.md" for name in pages}
        # Checks that are not about one example (the orphan check) still run.
        kept = [item for item in items if (e := _example(item)) is None or e.doc in wanted]
        dropped = set(items) - set(kept)
        config.hook.pytest_deselected(items=[item for item in items if item in dropped])
        items[:] = kept

    # The CPU-bound ones first, each with the machine to itself while the others wait
    # (machine.example_turn); then the longest first: sleeping examples run side by side,
    # so the suite takes about as long as its longest one. Other tests keep their order.
    def is_run(item: pytest.Item) -> bool:
        return getattr(item, "originalname", "") == "test_example_runs_as_the_page_says"

    runs = sorted(filter(is_run, items), key=_run_order)
    items[:] = runs + [item for item in items if not is_run(item)]
    config.cpu_bound_total = sum(
        1 for item in runs if (settings := _settings(item)) and settings.cores
    )


@pytest.fixture
def shared_tmp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder every xdist worker of this session sees (for the CPU-bound turn lock)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def pytest_testnodedown(node, error) -> None:  # xdist controller, once per worker
    records = json.loads(node.workeroutput.get("example_updates", "[]"))
    node.config.example_updates.extend(rewrite.Update(**record) for record in records)


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session) -> None:
    config = session.config
    if not config.getoption("update_examples"):
        return
    if hasattr(config, "workerinput"):  # a worker: hand over, never write
        config.workeroutput["example_updates"] = json.dumps(
            [update.to_dict() for update in config.example_updates]
        )
        return
    written, refused = rewrite.apply(config.example_updates, ROOT)
    config.example_update_report = (len(config.example_updates), written, refused)
    if refused:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:
    report_unrecorded_outputs(terminalreporter)
    if config.example_update_report is None:
        return
    checked, written, refused = config.example_update_report
    terminalreporter.section("update-examples")
    terminalreporter.write_line(
        f"{checked} example(s) ran cleanly; {len(written)} page(s) rewritten"
        + "".join(f"\n  rewrote {Path(doc).relative_to(ROOT)}" for doc in written)
    )
    for refusal in refused:
        terminalreporter.write_line(f"REFUSED: {refusal}", red=True)
    failed = len(terminalreporter.stats.get("failed", []))
    if failed:
        terminalreporter.write_line(
            f"{failed} example(s) failed (listed below): their output blocks were left as "
            "they were, and the rewrites above were still made. If they are on pages you "
            "did not touch, update your own page alone: make update-examples PAGE=<page>",
            yellow=True,
        )


def report_unrecorded_outputs(terminalreporter) -> None:
    """What examples too new for the recording machines printed, for someone to record."""
    shown = [
        (report.nodeid, value)
        for report in terminalreporter.stats.get("passed", [])
        if report.when == "call"
        for name, value in report.user_properties
        if name == "unrecorded_output"
    ]
    if not shown:
        return
    terminalreporter.section("outputs not recorded yet")
    for nodeid, output in shown:
        terminalreporter.write_line(
            f"{nodeid} needs a Python newer than the recording machines have; it ran, "
            "ended cleanly and on time, and printed:"
        )
        for line in output.splitlines():
            terminalreporter.write_line(f"    {line}")
