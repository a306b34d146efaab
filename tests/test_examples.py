"""The one test behind every example on the site: a new page needs no test code.

For each `py` block in docs/ it runs the program as a reader would and checks
its whole stdout (in order), its duration, how it ends, and that it warns only
where the lesson says so; and it checks that every file in examples/ is on a page.
Its lint is tests/test_example_lint.py: `make test` runs these timed runs on their
own, with nothing else taking the machine's cores.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from example_format.embed import example_files
from example_harness import rewrite, verdict
from example_harness.blocks import DocExample
from example_harness.collected import EXAMPLES, ROOT, block_errors_fail_the_test, example_id
from example_harness.pythons import Python
from example_harness.schedule import Schedule
from example_harness.services import Services


# `python`: the interpreter running pytest, or each of several (conftest.py, --also-python).
@pytest.mark.parametrize("example", EXAMPLES, ids=example_id)
def test_example_runs_as_the_page_says(
    example: DocExample,
    python: Python,
    request: pytest.FixtureRequest,
    example_services: Services,
    example_runs: Schedule,
    record_property,
) -> None:
    with block_errors_fail_the_test():
        settings = example.settings()
        example.program()
    if reason := settings.skip_reason(python.version):
        pytest.skip(reason)
    example_services.skip_if_missing(settings)  # a server it needs could not start
    updating = request.config.getoption("update_examples")
    # Started in the background with the others (conftest.py, example_harness/schedule.py).
    run = example_runs.run_of(example, python)
    # For `make flake-hunt`, which reads them from the JUnit report.
    record_property("seconds", f"{run.seconds:.3f}")
    record_property("others_busy_cores", f"{run.load.others:.2f}")
    record_property("allowed_stretch", f"{verdict.allowed_stretch(settings, run):.3f}")
    found = verdict.problems(example, settings, run, check_output=not updating)
    if example.output is None and settings.output_unrecordable and run.stdout:
        # Shown in the summary (conftest.py), to be recorded on a machine with this Python.
        record_property("unrecorded_output", run.stdout)
    if updating and not found:
        if why := rewrite.unfenceable(run.stdout) or rewrite.too_busy_to_record(settings, run):
            found.append(why)
        else:
            request.config.example_updates.append(
                rewrite.Update(
                    str(example.doc),
                    example.line,
                    example.block_source,
                    run.stdout,
                    run.line_times,
                )
            )
    if found:
        on = "" if python == request.config.example_pythons[0] else f" on Python {python.name}"
        header = f"{example.where} ({example.program_name}{on}, ran {run.seconds:.2f} s)"
        pytest.fail(header + "\n" + "\n\n".join(found), pytrace=False)


def test_every_example_file_is_on_a_page() -> None:
    embedded: dict[Path, list[str]] = {}
    for example in EXAMPLES:
        if example.embedded:
            embedded.setdefault(example.embedded, []).append(example.where)
    orphans = [path for path in example_files(ROOT) if path not in embedded]
    twice = {path: places for path, places in embedded.items() if len(places) > 1}
    messages = [
        f"{path.relative_to(ROOT)}: not embedded in any page; embed it with "
        f'--8<-- "{path.relative_to(ROOT)}" in a ```py block, or delete it'
        for path in orphans
    ] + [
        f"{path.relative_to(ROOT)}: embedded {len(places)} times ({', '.join(places)}); "
        "embed it once and link to that page"
        for path, places in twice.items()
    ]
    assert not messages, "\n".join(messages)


def test_the_finder_sees_every_embed() -> None:
    # Guards the collection itself: a finder that misses blocks must not pass as
    # "nothing to check". Every `--8<-- "examples/...` line in docs/ is an example.
    embeds = sum(
        page.read_text(encoding="utf-8").count('--8<-- "examples/')
        for page in (ROOT / "docs").rglob("*.md")
    )
    assert embeds, "no example is embedded anywhere under docs/"
    assert len([e for e in EXAMPLES if e.embedded]) == embeds
