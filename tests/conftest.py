"""Plumbing for the example suite.

- `--page NAME` keeps the examples of docs/NAME.md alone, with the checks that are not
  about one example (`make examples PAGE=NAME`).
- `--also-python PATH` runs every example on that interpreter too, in the same schedule
  (`make examples-every-python`); test ids then start with the Python, `[py3.12-...]`.
- The programs run in the background, in the order example_harness/schedule.py sets
  (`--examples-at-once N` side by side), while the tests judge them one by one. So the
  example runs stay in one pytest process: under xdist each says how to run them.
- `--update-examples` (an option pytest-examples defines): tests record the output
  they saw in `config.example_updates`, and the pages are rewritten once, after every
  test has run.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import cache, partial
from pathlib import Path

import pytest

from example_format.errors import BlockError
from example_format.settings import Settings
from example_harness import rewrite, services
from example_harness.pythons import Python, candidates, newest_per_minor, this_python, version_of
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
        help="how many sleep-bound example programs of each Python run side by side (default 16)",
    )
    parser.addoption(
        "--also-python",
        action="append",
        default=[],
        metavar="PATH",
        help="run the examples on this interpreter too, in the same schedule (repeatable); "
        "give it an environment with the examples' packages, e.g. .venv-3.12/bin/python. "
        "Not with --update-examples, which records from the Python running pytest",
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
    config.example_pythons = example_pythons(config)


def example_pythons(config: pytest.Config) -> list[Python]:
    """The Python running pytest, then each --also-python, checked."""
    pythons = [this_python()]
    for path in config.getoption("also_python"):
        version = version_of(path)
        if version is None:
            raise pytest.UsageError(
                f"--also-python {path}: not a CPython 3.11 or newer that runs here "
                "(free-threaded builds are left out: the lock's wheels may not fit them)"
            )
        # Absolute, for a program started in its own folder; not resolved, which would
        # leave a virtual environment's link for the bare interpreter without its packages.
        python = Python(os.path.abspath(path), version)
        if any(python.minor == known.minor for known in pythons):
            raise pytest.UsageError(
                f"--also-python {path} is Python {python.name}, which this run has already: "
                "give one interpreter per version"
            )
        pythons.append(python)
    if len(pythons) > 1 and config.getoption("update_examples"):
        raise pytest.UsageError(
            "--update-examples records outputs from the Python running pytest only: "
            "drop --also-python (make update-examples does)"
        )
    return pythons


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Each example test once per Python; with one Python, ids stay `[page/file.py]`."""
    pythons = metafunc.config.example_pythons
    if "python" in metafunc.fixturenames and len(pythons) > 1:
        metafunc.parametrize("python", pythons, ids=lambda python: python.test_id)


@pytest.fixture(scope="session")
def python(request: pytest.FixtureRequest) -> Python:
    """The Python an example test runs on, when the run has only the one running pytest."""
    return request.config.example_pythons[0]


def _example(item: pytest.Item):
    callspec = getattr(item, "callspec", None)
    return callspec.params.get("example") if callspec else None


def _python(item: pytest.Item) -> Python:
    callspec = getattr(item, "callspec", None)
    return callspec.params.get("python", item.config.example_pythons[0])


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
    # Under xdist a long test that starts late ends last, beside idle workers.
    rest = sorted((item for item in items if not _is_run(item)), key=_not_long)
    items[:] = runs + rest


def _not_long(item: pytest.Item) -> bool:
    return item.get_closest_marker("long") is None


@pytest.fixture(scope="session")
def example_services(request: pytest.FixtureRequest) -> Iterator[services.Services]:
    """The servers the selected examples need (services=), started for the run and
    stopped at its end; each one's address is in os.environ, which the programs inherit."""
    needed = {
        name for item in request.session.items for name in getattr(_settings(item), "services", ())
    }
    with services.running(needed) as running:
        yield running


@pytest.fixture(scope="session")
def example_runs(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    example_services: services.Services,
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
    config = request.config
    jobs = []
    for item in filter(_is_run, request.session.items):
        example, python = _example(item), _python(item)
        if not example_services.runs(_settings(item)):
            continue  # its test skips, saying why
        folder = example.embedded.stem if example.embedded else "inline"
        if job := runnable_job(example, python, partial(tmp_path_factory.mktemp, folder)):
            jobs.append(job)
    pythons = len(config.example_pythons)
    schedule = Schedule(
        jobs,
        width=config.getoption("examples_at_once") * pythons,
    )
    try:
        yield schedule
    finally:
        schedule.stop()


@cache
def _another_python() -> Python | None:
    here = this_python().minor
    others = [entry for minor, entry in newest_per_minor(candidates()).items() if minor != here]
    return Python(str(max(others)[1]), max(others)[0]) if others else None


@pytest.fixture
def other_python() -> Python:
    """For the harness's own tests of --also-python: the newest Python >= 3.11 of another
    version here. A bare interpreter will do for programs of the standard library alone."""
    python = _another_python()
    if python is None:
        pytest.skip("no Python >= 3.11 of another version here (CI's matrix job has one)")
    return python


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
