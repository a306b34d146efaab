"""The example suite as a pytest plugin: tests/conftest.py loads it, and
tests/test_examples.py holds its one generic test.

- `--page NAME` keeps the examples of docs/NAME.md alone, with the checks that are not
  about one example (`make examples PAGE=NAME`).
- `--also-python PATH` runs every example on that interpreter too, in the same schedule
  (`make examples-every-python`); test ids then start with the Python, `[py3.12-...]`.
- The programs run in the background, in the order run/schedule.py sets
  (`--examples-at-once N` side by side), while the tests judge them one by one. So the
  example runs stay in one pytest process: under xdist each says how to run them.
- `--update-examples` (an option pytest-examples defines, which this plugin gives its
  meaning here): tests record the output they saw, and the pages are rewritten once,
  after every test has run (record.py).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache, partial
from pathlib import Path

import pytest

from . import record
from .errors import BlockError
from .exercise import failed_as_declared
from .page import DocExample, site_examples
from .run import services, wording
from .run.pythons import Python, candidates, newest_per_minor, this_python, version_of
from .run.runner import Run
from .run.schedule import Schedule, runnable_job
from .settings import Settings


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


# What the session keeps: the Pythons it runs the examples on, the outputs tests recorded
# (--update-examples), and what writing them did, for the summary.
PYTHONS = pytest.StashKey[list[Python]]()
UPDATES = pytest.StashKey[list[record.Update]]()
UPDATE_REPORT = pytest.StashKey[tuple[int, list[str], list[str]]]()


def site_root(config: pytest.Config) -> Path:
    """The project whose pages are checked: the one pytest runs in."""
    return config.rootpath


def doc_examples(config: pytest.Config) -> tuple[DocExample, ...]:
    return site_examples(site_root(config))


@pytest.fixture(scope="session")
def site(request: pytest.FixtureRequest) -> Path:
    """The root of the project whose examples are checked."""
    return site_root(request.config)


@pytest.fixture(scope="session")
def examples(request: pytest.FixtureRequest) -> tuple[DocExample, ...]:
    """Every example of the site's pages, in page and line order."""
    return doc_examples(request.config)


def pytest_configure(config: pytest.Config) -> None:
    config.stash[UPDATES] = []
    docs = site_root(config) / "docs"
    pages = config.getoption("page")
    unknown = [name for name in pages if not (docs / f"{name}.md").is_file()]
    if unknown:
        known = " ".join(sorted(p.stem for p in docs.glob("*.md")))
        raise pytest.UsageError(
            f"no page docs/{unknown[0]}.md: PAGE takes a page's file name without .md, "
            f"one of: {known}"
        )
    config.stash[PYTHONS] = example_pythons(config)


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
    """A test that takes `page_example` runs once per example of the site (the project at
    pytest's rootdir), and once per Python; with one Python, ids stay `[page/file.py]`.
    The Python first, `[py3.12-page/file.py]`: the flake hunt reads ids that way
    (pythons.split_test_id)."""
    pythons = metafunc.config.stash[PYTHONS]
    if "python" in metafunc.fixturenames and len(pythons) > 1:
        metafunc.parametrize("python", pythons, ids=lambda python: python.test_id)
    if "page_example" in metafunc.fixturenames:
        # An exercise's block is checked by its solution (exercise.py).
        checked = [example.checked() for example in doc_examples(metafunc.config)]
        metafunc.parametrize("page_example", checked, ids=example_id)
    if "exercise_answer" in metafunc.fixturenames:
        answers = exercise_answers(doc_examples(metafunc.config))
        metafunc.parametrize("exercise_answer", answers, ids=example_id)


@pytest.fixture(scope="session")
def python(request: pytest.FixtureRequest) -> Python:
    """The Python an example test runs on, when the run has only the one running pytest."""
    return request.config.stash[PYTHONS][0]


def exercise_answers(examples) -> list[DocExample]:
    """Every exercise's starter and wrong answers, as examples of its block (each must
    fail the goal: check_exercise_answer)."""
    return [answer for example in examples for answer in example.answers()]


def _example(item: pytest.Item):
    callspec = getattr(item, "callspec", None)
    if not callspec:
        return None
    # With no exercise on the site, pytest gives the empty parametrization a placeholder.
    found = callspec.params.get("page_example") or callspec.params.get("exercise_answer")
    return found if isinstance(found, DocExample) else None


def _python(item: pytest.Item) -> Python:
    callspec = getattr(item, "callspec", None)
    return callspec.params.get("python", item.config.stash[PYTHONS][0])


def _settings(item: pytest.Item) -> Settings | None:
    """An example test's settings; None for other tests and for blocks that cannot be read
    (those fail in their own test, with the place)."""
    example = _example(item)
    try:
        return example.settings() if example else None
    except BlockError:
        return None


# The tests that judge a program's run: the schedule runs their programs.
RUN_TESTS = ("test_example_runs_as_the_page_says", "test_exercise_answer_fails_the_goal")


def _is_run(item: pytest.Item) -> bool:
    return getattr(item, "originalname", "") in RUN_TESTS


def _report_order(item: pytest.Item) -> tuple[bool, float]:
    """About the order the programs end in (schedule.py): the CPU-bound ones, then the
    shortest first. Unreadable blocks first: they fail at once."""
    settings = _settings(item)
    return (False, 0.0) if settings is None else (not settings.cores, settings.duration)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    pages = config.getoption("page")
    if pages:
        wanted = {site_root(config) / "docs" / f"{name}.md" for name in pages}
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
            "the example runs schedule themselves (checked_examples/run/schedule.py), so "
            "they cannot be shared among xdist workers: run them without -n "
            "(make examples, or pytest tests/test_examples.py -n 0)",
            pytrace=False,
        )
    config = request.config
    jobs = []
    for item in filter(_is_run, request.session.items):
        example, python = _example(item), _python(item)
        if example is None:  # the placeholder of an empty parametrization: nothing to run
            continue
        if not example_services.runs(_settings(item)):
            continue  # its test skips, saying why
        folder = example.embedded.stem if example.embedded else "inline"
        if job := runnable_job(example, python, partial(tmp_path_factory.mktemp, folder)):
            jobs.append(job)
    pythons = len(config.stash[PYTHONS])
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
    updates = config.stash[UPDATES]
    written, refused = record.apply(updates, site_root(config))
    config.stash[UPDATE_REPORT] = (len(updates), written, refused)
    if refused:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:
    report_unrecorded_outputs(terminalreporter)
    report_passed_alone(terminalreporter)
    if UPDATE_REPORT not in config.stash:
        return
    checked, written, refused = config.stash[UPDATE_REPORT]
    terminalreporter.section("update-examples")
    terminalreporter.write_line(
        f"{checked} example(s) ran cleanly; {len(written)} page(s) rewritten"
        + "".join(f"\n  rewrote {Path(doc).relative_to(site_root(config))}" for doc in written)
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


def _passed_with(terminalreporter, property_name: str) -> list[tuple[str, str]]:
    """(test id, value) of each passed test that recorded the property."""
    return [
        (report.nodeid, value)
        for report in terminalreporter.stats.get("passed", [])
        if report.when == "call"
        for name, value in report.user_properties
        if name == property_name
    ]


def report_passed_alone(terminalreporter) -> None:
    """The examples that failed on a busy machine (out of time, or in another order in a
    late run) and passed alone."""
    if shown := _passed_with(terminalreporter, "passed_alone"):
        terminalreporter.section("passed when run again alone")
    for nodeid, busy in shown:
        terminalreporter.write_line(f"{nodeid}: failed while {busy}; passed alone")


def report_unrecorded_outputs(terminalreporter) -> None:
    """What examples too new for the recording machines printed, for someone to record."""
    if shown := _passed_with(terminalreporter, "unrecorded_output"):
        terminalreporter.section("outputs not recorded yet")
    for nodeid, output in shown:
        terminalreporter.write_line(
            f"{nodeid} needs a Python newer than the recording machines have; it ran, "
            "ended cleanly and on time, and printed:"
        )
        for line in output.splitlines():
            terminalreporter.write_line(f"    {line}")


def example_id(example: DocExample) -> str:
    return example.test_id


@contextmanager
def block_errors_fail_the_test() -> Iterator[None]:
    """A block the harness cannot read fails its own test, with the page's file:line, once
    (without `from None` the error would be printed again, as the failure's context)."""
    try:
        yield
    except BlockError as error:
        raise pytest.fail.Exception(str(error), pytrace=False) from None


def _confirmed_alone(
    example: DocExample,
    settings: Settings,
    python: Python,
    run: Run,
    found: list[str],
    example_runs: Schedule,
) -> list[str]:
    """A run out of time because of the machine (wording.worth_a_run_alone) fails only if a
    run alone fails too; then the report shows both. A program that lost its concurrency
    fails both times. Processor-bound work (cores=) gets the faster of two runs alone, as a
    benchmark takes its fastest: a processor's pace varies from run to run (caches, its
    clock) where a sleep's does not."""
    again = example_runs.run_alone(example, python)
    again_findings, again_found = wording.judged(example, settings, again, check_output=True)
    if (
        again_found
        and settings.cores
        and wording.worth_a_run_alone(again_findings, again, settings)
    ):
        again = example_runs.run_alone(example, python)
        again_found = wording.problems(example, settings, again, check_output=True)
    if not again_found:
        return []
    return [
        f"This run, while {run.load.describe()}:",
        *found,
        "Run again alone, once the rest of the run was over, while "
        f"{again.load.describe()} (ran {again.seconds:.2f} s): it failed too.",
        *again_found,
    ]


def check_example(
    example: DocExample,
    python: Python,
    request: pytest.FixtureRequest,
    example_runs: Schedule,
    record_property,
) -> None:
    """The generic test's body: judge the example's run (started in the background with
    the others), or record its output with --update-examples."""
    with block_errors_fail_the_test():
        settings = example.settings()
        example.program()
        if (exercise := example.exercise()) and (wrong := exercise.problems()):
            pytest.fail(f"{example.where}: " + "; ".join(wrong), pytrace=False)
    if reason := settings.skip_reason(python.version):
        pytest.skip(reason)
    # A server it needs could not start: skipped, loudly (or failed where required).
    request.getfixturevalue("example_services").skip_if_missing(settings)
    config = request.config
    updating = config.getoption("update_examples")
    run = example_runs.run_of(example, python)
    # For the flake hunt (python -m checked_examples flake-hunt), which reads them from
    # the JUnit report.
    record_property("seconds", f"{run.seconds:.3f}")
    record_property("others_busy_cores", f"{run.load.others:.2f}")
    record_property("allowed_stretch", f"{wording.allowed_stretch(settings, run):.3f}")
    findings, found = wording.judged(example, settings, run, check_output=not updating)
    if not updating and wording.worth_a_run_alone(findings, run, settings):
        found = _confirmed_alone(example, settings, python, run, found, example_runs)
        if not found:
            record_property("passed_alone", f"{run.load.describe()}; {run.seconds:.2f} s")
    if example.output is None and settings.output_unrecordable and run.stdout:
        # Shown in the summary, to be recorded on a machine with this Python.
        record_property("unrecorded_output", run.stdout)
    if updating and not found:
        if why := record.unfenceable(run.stdout) or record.too_busy_to_record(settings, run):
            found.append(why)
        else:
            config.stash[UPDATES].append(
                record.Update(
                    str(example.doc),
                    example.line,
                    example.block_source,
                    run.stdout,
                    run.line_times,
                    **record.trace_of(example, settings, run),
                )
            )
    if found:
        on = "" if python == config.stash[PYTHONS][0] else f" on Python {python.name}"
        header = f"{example.where} ({example.program_name}{on}, ran {run.seconds:.2f} s)"
        pytest.fail(header + "\n" + "\n\n".join(found), pytrace=False)


def check_exercise_answer(
    answer: DocExample, python: Python, request: pytest.FixtureRequest, example_runs: Schedule
) -> None:
    """The exercise test's body: a starter must fail the goal for the reason its fence
    declares (starter_fails=), and each wrong answer must fail it."""
    with block_errors_fail_the_test():
        settings = answer.settings()
        exercise = answer.exercise()
        answer.program()
    if reason := settings.skip_reason(python.version):
        pytest.skip(reason)
    if request.config.getoption("update_examples"):
        pytest.skip("judged against the goal, which this run records: run make examples next")
    if answer.output is None:
        pytest.fail(
            f"{answer.where}: the exercise has no goal yet: record it from its solution "
            "with make update-examples PAGE=" + answer.doc.stem,
            pytrace=False,
        )
    run = example_runs.run_of(answer, python)
    findings, found = wording.judged(answer, settings, run, check_output=True)
    kinds = [finding.kind for finding in findings]
    file = answer.embedded.relative_to(answer.root)
    starter = answer.embedded == exercise.starter
    if not findings:
        what = (
            f"change the starter so that it fails by {settings.starter_fails}, as the fence "
            "says (the mistake the reader is to fix)"
            if starter
            else "make it wrong in the way its name says, or delete it if it is a right answer"
        )
        pytest.fail(
            f"{answer.where}: {file} passes the goal (ran {run.seconds:.2f} s), so a reader "
            f"would have nothing to fix: {what}",
            pytrace=False,
        )
    if starter and not failed_as_declared(settings.starter_fails, kinds):
        pytest.fail(
            f"{answer.where}: {file} should fail by {settings.starter_fails} "
            f'(starter_fails="{settings.starter_fails}"), but the judge found '
            f"{', '.join(kinds)} (ran {run.seconds:.2f} s):\n\n"
            + "\n\n".join(found)
            + "\n\nFix the starter, or declare the reason it fails by.",
            pytrace=False,
        )
