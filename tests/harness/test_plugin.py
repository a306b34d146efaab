"""The plugin as a contributor meets it: break a page, run pytest, read the message.

Each test breaks the one-page project (one_page.py) and runs pytest on it in a child
process; the verdict must fail, and its message must name the place to fix.
"""

from __future__ import annotations

import dataclasses

from checked_examples.page import DocExample, find_doc_examples
from checked_examples.pytest_plugin import _confirmed_alone
from checked_examples.run import machine, wording
from checked_examples.run.pythons import Python, this_python
from checked_examples.run.runner import Run, run_program
from checked_examples.run.wording import problems
from checked_examples.settings import parse
from harness.one_page import LEAKY_LESSON, LESSON, PAGE, OnePage, output


def test_a_correct_page_passes(project: OnePage) -> None:
    result = project.pytest()
    # The run, the orphan check, the stale trace check, the finder's check and the lint; the
    # page has no exercise, so the exercise answers' run and lint have nothing to do
    # (pytest's empty set skip).
    result.assert_outcomes(passed=5, skipped=2)


def test_a_wrong_output_line_shows_a_diff_and_the_place(project: OnePage) -> None:
    project.write("docs/page.md", PAGE.replace("\nend\n", "\nthe end\n"))
    result = project.check()
    assert result.ret == 1
    assert "docs/page.md:3 (lesson.py" in output(result)
    assert "-the end\n+end" in output(result)
    assert "run `make update-examples PAGE=page` and review the diff" in output(result)


def test_an_output_block_without_times_asks_for_an_update(project: OnePage) -> None:
    project.write("docs/page.md", PAGE.replace(' {times="0.0 0.3"}', ""))
    result = project.check()
    assert result.ret == 1
    assert (
        "page.md:7: the output block has no times= (when each line is printed): "
        "run `make update-examples PAGE=page`"
    ) in output(result)


def test_a_missing_embedded_file_names_the_page_line(project: OnePage) -> None:
    (project.root / "examples/page/lesson.py").unlink()
    result = project.check()
    assert result.ret == 1
    assert "docs/page.md:3: embeds examples/page/lesson.py, which does not exist" in output(result)


def test_an_unclosed_output_block_fails_its_example_with_the_place(project: OnePage) -> None:
    project.write("docs/page.md", PAGE.rstrip("`\n") + "\n")
    result = project.check()
    assert result.ret == 1
    assert "docs/page.md:3: the ```output block at line 7 is never closed" in output(result)


def test_an_orphan_example_is_named(project: OnePage) -> None:
    project.write("examples/page/forgotten.py", LESSON)
    result = project.pytest("-k", "every_example_file_is_on_a_page")
    assert result.ret == 1
    assert "examples/page/forgotten.py: not embedded in any page" in output(result)


def test_a_misspelt_setting_is_named_with_a_suggestion(project: OnePage) -> None:
    project.write("docs/page.md", PAGE.replace('duration="0.3"', 'duration="0.3" tolerence="1"'))
    result = project.check()
    assert result.ret == 1
    message = "docs/page.md:3: unknown setting 'tolerence': did you mean 'tolerance'?"
    # Said once in the failure, not twice (pytest's summary line repeats it too, cut to
    # the terminal's width, or whole where CI is set: that one is pytest's, not ours).
    failure = output(result).split("short test summary info")[0]
    assert failure.count(message) == 1, output(result)


def test_a_setting_without_quotes_is_not_silently_ignored(project: OnePage) -> None:
    project.write("docs/page.md", PAGE.replace('duration="0.3"', "duration=0.3"))
    result = project.check()
    assert result.ret == 1
    assert "docs/page.md:3: cannot read 'duration=0.3'" in output(result)


def test_a_hanging_example_is_stopped_with_what_it_printed(project: OnePage) -> None:
    hanging = LESSON.replace("await asyncio.sleep(0.3)", "await asyncio.Event().wait()")
    project.write("examples/page/lesson.py", hanging)
    project.write("docs/page.md", PAGE.replace('duration="0.3"', 'duration="0.3" timeout="2"'))
    result = project.check()
    assert result.ret == 1
    assert "docs/page.md:3 (lesson.py" in output(result)
    assert "still running after 2 s and was stopped" in output(result)
    assert "It had printed:\n    start" in output(result)


def test_an_undeclared_warning_fails(project: OnePage) -> None:
    project.write("examples/page/lesson.py", LEAKY_LESSON)
    result = project.check()
    assert result.ret == 1
    assert "docs/page.md:3 (lesson.py" in output(result)
    assert "the program wrote to stderr" in output(result)
    assert "RuntimeWarning: coroutine 'sleep' was never awaited" in output(result)


def test_a_declared_warning_passes_and_a_missing_one_fails(project: OnePage) -> None:
    project.write("examples/page/lesson.py", LEAKY_LESSON)
    declared = 'duration="0.3" warns="coroutine \'sleep\' was never awaited"'
    project.write("docs/page.md", PAGE.replace('duration="0.3"', declared))
    passing = project.check()
    assert passing.ret == 0, output(passing)
    project.write("examples/page/lesson.py", LESSON)
    result = project.check()
    assert result.ret == 1
    assert "declared warns= text not found on stderr" in output(result)


def test_an_exception_must_be_declared(project: OnePage) -> None:
    failing = LESSON.replace('    print("end")', '    print("end")\n    raise ValueError("boom")')
    project.write("examples/page/lesson.py", failing)
    result = project.check()
    assert result.ret == 1
    assert "docs/page.md:3 (lesson.py" in output(result)
    assert "exited with code 1" in output(result)
    assert "ValueError: boom" in output(result)
    project.write(
        "docs/page.md", PAGE.replace('duration="0.3"', 'duration="0.3" raises="ValueError"')
    )
    passing = project.check()
    assert passing.ret == 0, output(passing)
    project.write(
        "docs/page.md", PAGE.replace('duration="0.3"', 'duration="0.3" raises="KeyError"')
    )
    assert "should end with KeyError" in output(project.check())


def test_a_declared_exception_message_is_checked_too(project: OnePage) -> None:
    failing = LESSON.replace('    print("end")', '    print("end")\n    raise ValueError("boom")')
    project.write("examples/page/lesson.py", failing)
    declared = 'duration="0.3" raises="ValueError" warns="ValueError: boom"'
    project.write("docs/page.md", PAGE.replace('duration="0.3"', declared))
    passing = project.check()
    assert passing.ret == 0, output(passing)
    project.write("docs/page.md", PAGE.replace('duration="0.3"', declared.replace("boom", "bang")))
    result = project.check()
    assert result.ret == 1
    assert "docs/page.md:3 (lesson.py" in output(result)
    assert "declared warns= text not found on stderr: 'ValueError: bang'" in output(result)


def test_a_newer_python_requirement_skips_with_the_reason(project: OnePage) -> None:
    project.write("docs/page.md", PAGE.replace('duration="0.3"', 'duration="0.3" requires="3.99"'))
    result = project.check("-rs")
    assert result.ret == 0
    assert "needs Python 3.99+" in output(result)


def test_a_failing_import_still_fails_the_program(project: OnePage) -> None:
    project.write("examples/page/lesson.py", "import no_such_module_here\n" + LESSON)
    result = project.check()
    assert result.ret == 1
    assert "ModuleNotFoundError: No module named 'no_such_module_here'" in output(result)


def test_page_keeps_one_pages_examples_and_names_a_wrong_page(project: OnePage) -> None:
    project.write("examples/other/lesson.py", LESSON)
    project.write("docs/other.md", PAGE.replace("examples/page/", "examples/other/"))
    result = project.pytest("tests/test_examples.py", "--page", "other", "-rA")
    assert result.ret == 0, output(result)
    assert "PASSED tests/test_examples.py::test_example_runs_as_the_page_says[other/" in (
        output(result)
    )
    assert "[page/lesson.py]" not in output(result)
    # Kept: the other page's run; the orphan, stale trace and finder checks. Dropped: this
    # page's run.
    result.assert_outcomes(passed=4, deselected=1, skipped=1)  # skipped: no exercise answers
    wrong = project.pytest("tests/test_examples.py", "--page", "nope")
    assert wrong.ret == 4
    assert "no page docs/nope.md" in output(wrong)
    assert "other page" in output(wrong)


def test_example_runs_refuse_xdist_workers_and_say_how_to_run(project: OnePage) -> None:
    result = project.check("-n", "2")
    assert result.ret != 0
    assert "cannot be shared among xdist workers: run them without -n" in output(result)


def test_an_example_too_new_to_record_is_still_run_and_timed(project: OnePage) -> None:
    # Where such an example runs (CI's newest Python), its output cannot be on the page
    # yet: everything else is checked, and the summary shows what it printed.
    settings = parse({"duration": "0.3", "requires": "3.99"})
    assert settings.output_unrecordable
    assert not parse({"duration": "0.3", "requires": "3.12"}).output_unrecordable
    project.write("docs/page.md", PAGE.split("```output")[0])
    (example,) = find_doc_examples(project.root)
    run = run_program(LESSON, "lesson.py", project.root, timeout=10)
    assert problems(example, settings, run, check_output=True) == []
    slow = dataclasses.replace(run, seconds=1.5)
    assert "but the page says ~0.3 s" in problems(example, settings, slow, check_output=True)[0]
    recordable = parse({"duration": "0.3", "requires": "3.12"})
    assert "no ```output block" in problems(example, recordable, run, check_output=True)[0]
    # End to end, with this Python standing in for one newer than the recording machines:
    # the child pytest's conftest lowers the newest recording Python before it reads a page.
    project.write(
        "conftest.py",
        """\
        from checked_examples import settings

        settings.NEWEST_RECORDING_PYTHON = (3, 10)
        """,
    )
    project.write(
        "docs/page.md", PAGE.split("```output")[0].replace('"0.3"', '"0.3" requires="3.11"')
    )
    result = project.check()
    assert result.ret == 0, output(result)
    assert "outputs not recorded yet" in output(result)
    assert "printed:\n    start\n    end" in output(result)


class AloneRun:
    """A schedule whose runs alone are the ones given, in turn, the last one again (the
    plugin asks it for nothing else); `asked` counts them."""

    def __init__(self, *runs: Run) -> None:
        self.runs, self.asked = runs, 0

    def run_alone(self, example: DocExample, python: Python) -> Run:
        self.asked += 1
        return self.runs[min(self.asked, len(self.runs)) - 1]


def test_processor_work_gets_the_faster_of_two_runs_alone(project: OnePage) -> None:
    project.write("docs/page.md", PAGE.replace('duration="0.3"', 'duration="0.3" cores="1"'))
    (example,) = find_doc_examples(project.root)
    settings = example.settings()
    quiet = machine.Load(cores=2, program_cpu=0.3, others=0.1)
    late = Run(stdout="start\nend\n", returncode=0, seconds=1.4, line_times=[0.0, 1.4], load=quiet)
    on_time = Run(
        stdout="start\nend\n", returncode=0, seconds=0.3, line_times=[0.0, 0.3], load=quiet
    )
    findings, found = wording.judged(example, settings, late, check_output=True)
    assert wording.worth_a_run_alone(findings, late, settings)
    schedule = AloneRun(late, on_time)
    assert _confirmed_alone(example, settings, this_python(), late, found, schedule) == []
    assert schedule.asked == 2
    schedule = AloneRun(late)  # late every time: it fails, with the last run alone shown
    report = "\n".join(_confirmed_alone(example, settings, this_python(), late, found, schedule))
    assert schedule.asked == 2
    assert "it failed too" in report
    # Another output alone is the program's, not the processor's: no third run.
    wrong = Run(stdout="start\nnot end\n", returncode=0, seconds=0.3, line_times=[0.0, 0.3])
    schedule = AloneRun(wrong, on_time)
    assert _confirmed_alone(example, settings, this_python(), late, found, schedule) != []
    assert schedule.asked == 1


def test_a_late_run_on_a_busy_machine_fails_only_if_it_is_late_alone_too(project: OnePage) -> None:
    (example,) = find_doc_examples(project.root)
    settings = example.settings()
    busy = machine.Load(cores=2, program_cpu=0.1, others=1.6)
    late = Run(stdout="start\nend\n", returncode=0, seconds=1.4, line_times=[0.0, 1.4], load=busy)
    findings, found = wording.judged(example, settings, late, check_output=True)
    assert wording.worth_a_run_alone(findings, late, settings)
    quiet = machine.Load(cores=2, program_cpu=0.1, others=0.1)
    on_time = Run(stdout="start\nend\n", returncode=0, seconds=0.3, line_times=[0.0, 0.3])
    on_time_alone = AloneRun(dataclasses.replace(on_time, load=quiet))
    assert _confirmed_alone(example, settings, this_python(), late, found, on_time_alone) == []
    late_alone = AloneRun(dataclasses.replace(late, load=quiet))
    report = "\n".join(_confirmed_alone(example, settings, this_python(), late, found, late_alone))
    assert report.startswith(f"This run, while {busy.describe()}:\n")
    assert (
        f"Run again alone, once the rest of the run was over, while {quiet.describe()} "
        "(ran 1.40 s): it failed too."
    ) in report
    assert report.count("took 1.40 s, but the page says ~0.3 s") == 2
    assert report.count("line 2 'end': printed at 1.40 s, the page says 0.3 s") == 2
