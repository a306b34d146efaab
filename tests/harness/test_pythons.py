"""--also-python: one run, several interpreters (run/pythons.py and the plugin).

`other_python` (the plugin's fixture) is the newest Python >= 3.11 of another version
here; these tests skip, and say so, where there is none. They ask for it before
`project`: pytester points HOME at its own folder, where no ~/.pyenv is.
"""

from __future__ import annotations

import sys

from checked_examples.run.pythons import Python, this_python
from checked_examples.settings import parse
from harness.one_page import LESSON, PAGE, OnePage, output

SAYS_ITS_VERSION = LESSON.replace(
    'print("start")', 'print("start on", "{}.{}".format(*sys.version_info[:2]))'
).replace("import asyncio\n", "import asyncio\nimport sys\n")


def test_another_python_runs_the_example_and_its_failure_says_which(
    other_python: Python, project: OnePage
) -> None:
    here = this_python()
    project.write("examples/page/lesson.py", SAYS_ITS_VERSION)
    project.write("docs/page.md", PAGE.replace("\nstart\n", f"\nstart on {here.name}\n"))
    result = project.check("--also-python", other_python.executable, "-rA")
    assert result.ret == 1, output(result)
    # The page holds what this Python printed; the other printed its own version.
    run = "test_example_runs_as_the_page_says"
    assert f"PASSED tests/test_examples.py::{run}[{here.test_id}-page/lesson.py]" in (
        output(result)
    )
    assert f"FAILED tests/test_examples.py::{run}[{other_python.test_id}-page/lesson.py]" in (
        output(result)
    )
    assert f"docs/page.md:3 (lesson.py on Python {other_python.name}, ran" in output(result)
    assert f"-start on {here.name}\n+start on {other_python.name}" in output(result)


def test_a_requires_skip_is_judged_by_the_jobs_python(
    other_python: Python, project: OnePage
) -> None:
    older, newer = sorted([this_python(), other_python], key=lambda p: p.version)
    setting = f'duration="0.3" requires="{newer.name}"'
    project.write("docs/page.md", PAGE.replace('duration="0.3"', setting))
    result = project.check("--also-python", other_python.executable, "-rA")
    assert result.ret == 0, output(result)
    assert f"[{newer.test_id}-page/lesson.py]" in output(result)
    assert f"needs Python {newer.name}+ (this is {older.name})" in output(result)
    result.assert_outcomes(passed=1, skipped=1)
    settings = parse({"duration": "1", "requires": newer.name})
    assert settings.skip_reason(newer.version) is None
    assert settings.skip_reason(older.version) == (
        f"needs Python {newer.name}+ (this is {older.name})"
    )


def test_also_python_must_be_another_version_of_python(project: OnePage) -> None:
    result = project.check("--also-python", str(project.root / "no-python"))
    assert result.ret == 4
    assert "no-python: not a CPython 3.11 or newer" in output(result)
    result = project.check("--also-python", sys.executable)
    assert result.ret == 4
    assert "which this run has already: give one interpreter per version" in output(result)


def test_update_examples_records_from_this_python_only(
    other_python: Python, project: OnePage
) -> None:
    result = project.check("--update-examples", "--also-python", other_python.executable)
    assert result.ret == 4
    assert "--update-examples records outputs from the Python running pytest only" in (
        output(result)
    )
