"""Plumbing for the example suite.

- `--page NAME` keeps the examples of docs/NAME.md alone, with the checks that are not
  about one example (`make examples PAGE=NAME`).
- The programs run in the background, in the order example_harness/schedule.py sets
  (`--examples-at-once N` side by side), while the tests judge them one by one. So the
  example runs stay in one pytest process: under xdist each says how to run them.
- `--update-examples` (an option pytest-examples defines): tests record the output
  they saw in `config.example_updates`, and the pages are rewritten once, after every
  test has run.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from example_format.errors import BlockError
from example_format.settings import Settings
from example_harness import rewrite
from example_harness.schedule import Schedule, runnable_job

ROOT = Path(__file__).resolve().parent.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--page",
        action="append",
        default=[],
        metavar="NAME",
        help="of the examples, run only those of docs/NAME.md (repeatable)",
    )
    parser.addoption(
        "--examples-at-once",
        type=int,
        default=16,
        metavar="N",
        help="how many sleep-bound example programs run side by side (default 16)",
    )


def pytest_configure(config: pytest.Config) -> None:
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


def _is_run(item: pytest.Item) -> bool:
    return getattr(item, "originalname", "") == "test_example_runs_as_the_page_says"


def _report_order(item: pytest.Item) -> tuple[bool, float]:
    """About the order the programs end in (schedule.py): the CPU-bound ones, then the
    shortest first. Unreadable blocks first: they fail at once."""
    settings = _settings(item)
    return (False, 0.0) if settings is None else (not settings.cores, settings.duration)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    pages = config.getoption("page")
    if pages:
        wanted = {ROOT / "docs" / f"{name}.md" for name in pages}
        # Checks that are not about one example (the orphan check) still run.
        kept = [item for item in items if (e := _example(item)) is None or e.doc in wanted]
        dropped = set(items) - set(kept)
        config.hook.pytest_deselected(items=[item for item in items if item in dropped])
        items[:] = kept

    runs = sorted(filter(_is_run, items), key=_report_order)
    items[:] = runs + [item for item in items if not _is_run(item)]


@pytest.fixture(scope="session")
def example_runs(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Schedule]:
    """Every selected example's program, started in the background in schedule.py's
    order as soon as the first example test needs one."""
    if hasattr(request.config, "workerinput"):  # an xdist worker sees only its share
        pytest.fail(
            "the example runs schedule themselves (tests/example_harness/schedule.py), so "
            "they cannot be shared among xdist workers: run them without -n "
            "(make examples, or pytest tests/test_examples.py -n 0)",
            pytrace=False,
        )
    jobs = []
    for item in filter(_is_run, request.session.items):
        example = _example(item)
        folder = example.embedded.stem if example.embedded else "inline"
        if job := runnable_job(example, lambda folder=folder: tmp_path_factory.mktemp(folder)):
            jobs.append(job)
    schedule = Schedule(jobs, width=request.config.getoption("examples_at_once"))
    try:
        yield schedule
    finally:
        schedule.stop()


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session) -> None:
    config = session.config
    if not config.getoption("update_examples"):
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
