"""The harness is tested the way a contributor meets it: break a page, run pytest, read.

Each test builds a one-page project from the real harness files, runs pytest on
it in a child process, and checks the verdict and that the message names the
place to fix.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import shutil
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from example_harness import machine, pythons, rewrite, verdict
from example_harness.blocks import find_doc_examples
from example_harness.runner import Run, run_program, top_level_imports
from example_harness.schedule import Cores

from checked_examples.settings import SettingsError, parse, split_info_string

HERE = Path(__file__).resolve().parent

LESSON = """\
import asyncio


async def main():
    print("start")
    await asyncio.sleep(0.3)
    print("end")


asyncio.run(main())
"""

# The lesson, plus a coroutine that is created and never awaited: a RuntimeWarning.
LEAKY_LESSON = LESSON.replace('    print("end")', '    print("end")\n    asyncio.sleep(0)')

PAGE = """\
# A page

```py {duration="0.3"}
--8<-- "examples/page/lesson.py"
```

```output {times="0.0 0.3"}
start
end
```
"""


class Project:
    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def read(self, relative: str) -> str:
        return (self.root / relative).read_text(encoding="utf-8")

    def pytest(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            timeout=120,
        )

    def check(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run only the run-and-compare test, the one most breakages hit."""
        return self.pytest("tests/test_examples.py", "-k", "runs_as_the_page_says", *args)


def measured_seconds(report: str) -> float:
    """The seconds in the harness's "took N s, but the page says" line."""
    match = re.search(r"took (\d+\.\d+) s, but the page says", report)
    assert match, report
    return float(match.group(1))


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return make_project(tmp_path)


def make_project(tmp_path: Path) -> Project:
    """A one-page project in `tmp_path` from the real harness files (test_network_guard too)."""
    tests = tmp_path / "tests"
    shutil.copytree(HERE / "example_harness", tests / "example_harness")
    for name in ("conftest.py", "test_examples.py", "test_example_lint.py"):
        shutil.copy(HERE / name, tests / name)
    shutil.copy(HERE.parent / "pyproject.toml", tmp_path / "pyproject.toml")
    # The project's own copy of the format, first on its pytest's path (pythonpath=src).
    shutil.copytree(
        HERE.parent / "src", tmp_path / "src", ignore=shutil.ignore_patterns("__pycache__")
    )
    made = Project(tmp_path)
    made.write("examples/page/lesson.py", LESSON)
    made.write("docs/page.md", PAGE)
    return made


def test_a_correct_page_passes(project: Project) -> None:
    result = project.pytest()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 passed" in result.stdout


def test_a_wrong_output_line_shows_a_diff_and_the_place(project: Project) -> None:
    project.write("docs/page.md", PAGE.replace("\nend\n", "\nthe end\n"))
    result = project.check()
    assert result.returncode == 1
    assert "docs/page.md:3 (lesson.py" in result.stdout
    assert "-the end\n+end" in result.stdout


def test_a_slowed_sleep_reports_measured_and_expected_seconds(project: Project) -> None:
    project.write("examples/page/lesson.py", LESSON.replace("sleep(0.3)", "sleep(1.3)"))
    result = project.check()
    assert result.returncode == 1
    assert measured_seconds(result.stdout) >= 1.3
    assert "but the page says ~0.3 s (allowed 0.02 to 0.58 s" in result.stdout
    assert 'duration="0.3" at docs/page.md:3' in result.stdout


def test_lost_concurrency_fails_on_time(project: Project) -> None:
    concurrent = """\
        import asyncio


        async def wait(seconds):
            await asyncio.sleep(seconds)


        async def main():
            await asyncio.gather(wait(0.4), wait(0.4), wait(0.4))
            print("done")


        asyncio.run(main())
        """
    project.write("examples/page/lesson.py", concurrent)
    page = PAGE.replace('"0.3"', '"0.4"').replace('"0.0 0.3"', '"0.4"')
    project.write("docs/page.md", page.replace("start\nend", "done"))
    assert project.check().returncode == 0
    # The same job, awaited one after another: 1.2 s instead of 0.4 s.
    sequential = concurrent.replace(
        "await asyncio.gather(wait(0.4), wait(0.4), wait(0.4))",
        "for _ in range(3):\n                await wait(0.4)",
    )
    project.write("examples/page/lesson.py", sequential)
    result = project.check()
    assert result.returncode == 1
    assert measured_seconds(result.stdout) >= 1.2
    assert "lose its concurrency" in result.stdout


def test_a_line_printed_at_the_wrong_time_is_named_with_both_times(project: Project) -> None:
    three_lines = """\
        import asyncio


        async def main():
            print("a")
            await asyncio.sleep(0.1)
            print("b")
            await asyncio.sleep(0.9)
            print("c")


        asyncio.run(main())
        """
    project.write("examples/page/lesson.py", three_lines)
    page = PAGE.replace('"0.3"', '"1"').replace('"0.0 0.3"', '"0.0 0.1 1.0"')
    project.write("docs/page.md", page.replace("start\nend", "a\nb\nc"))
    assert project.check().returncode == 0
    # "b" moves from 0.1 s to 0.6 s; the total stays at 1 s.
    shifted = three_lines.replace("sleep(0.1)", "sleep(0.6)").replace("sleep(0.9)", "sleep(0.4)")
    project.write("examples/page/lesson.py", shifted)
    result = project.check()
    assert result.returncode == 1
    assert "lines printed at the wrong time (allowed ±0.35 s" in result.stdout
    assert re.search(r"line 2 'b': printed at 0\.6\d s, the page says 0\.1 s", result.stdout)
    assert "line 1" not in result.stdout
    assert "line 3" not in result.stdout
    assert "took" not in result.stdout  # the total was right


def test_an_output_block_without_times_asks_for_an_update(project: Project) -> None:
    project.write("docs/page.md", PAGE.replace(' {times="0.0 0.3"}', ""))
    result = project.check()
    assert result.returncode == 1
    assert "page.md:7: the output block has no times=" in result.stdout


def test_a_missing_embedded_file_names_the_page_line(project: Project) -> None:
    (project.root / "examples/page/lesson.py").unlink()
    result = project.check()
    assert result.returncode == 1
    assert "docs/page.md:3: embeds examples/page/lesson.py, which does not exist" in result.stdout


def test_an_unclosed_output_block_fails_its_example_with_the_place(project: Project) -> None:
    project.write("docs/page.md", PAGE.rstrip("`\n") + "\n")
    result = project.check()
    assert result.returncode == 1
    assert "docs/page.md:3: the ```output block at line 7 is never closed" in result.stdout


def test_an_orphan_example_is_named(project: Project) -> None:
    project.write("examples/page/forgotten.py", LESSON)
    result = project.pytest("-k", "every_example_file_is_on_a_page")
    assert result.returncode == 1
    assert "examples/page/forgotten.py: not embedded in any page" in result.stdout


def test_a_misspelt_setting_is_named_with_a_suggestion(project: Project) -> None:
    project.write("docs/page.md", PAGE.replace('duration="0.3"', 'duration="0.3" tolerence="1"'))
    result = project.check()
    assert result.returncode == 1
    assert "docs/page.md:3: unknown setting 'tolerence': did you mean 'tolerance'?" in result.stdout


def test_a_setting_without_quotes_is_not_silently_ignored(project: Project) -> None:
    project.write("docs/page.md", PAGE.replace('duration="0.3"', "duration=0.3"))
    result = project.check()
    assert result.returncode == 1
    assert "docs/page.md:3: cannot read 'duration=0.3'" in result.stdout


def test_a_hanging_example_is_stopped_with_what_it_printed(project: Project) -> None:
    hanging = LESSON.replace("await asyncio.sleep(0.3)", "await asyncio.Event().wait()")
    project.write("examples/page/lesson.py", hanging)
    project.write("docs/page.md", PAGE.replace('duration="0.3"', 'duration="0.3" timeout="2"'))
    result = project.check()
    assert result.returncode == 1
    assert "still running after 2 s and was stopped" in result.stdout
    assert "It had printed:\n    start" in result.stdout


def test_an_undeclared_warning_fails(project: Project) -> None:
    project.write("examples/page/lesson.py", LEAKY_LESSON)
    result = project.check()
    assert result.returncode == 1
    assert "the program wrote to stderr" in result.stdout
    assert "RuntimeWarning: coroutine 'sleep' was never awaited" in result.stdout


def test_a_declared_warning_passes_and_a_missing_one_fails(project: Project) -> None:
    project.write("examples/page/lesson.py", LEAKY_LESSON)
    declared = 'duration="0.3" warns="coroutine \'sleep\' was never awaited"'
    project.write("docs/page.md", PAGE.replace('duration="0.3"', declared))
    passing = project.check()
    assert passing.returncode == 0, passing.stdout
    project.write("examples/page/lesson.py", LESSON)
    result = project.check()
    assert result.returncode == 1
    assert "declared warns= text not found on stderr" in result.stdout


def test_an_exception_must_be_declared(project: Project) -> None:
    failing = LESSON.replace('    print("end")', '    print("end")\n    raise ValueError("boom")')
    project.write("examples/page/lesson.py", failing)
    result = project.check()
    assert result.returncode == 1
    assert "exited with code 1" in result.stdout
    assert "ValueError: boom" in result.stdout
    project.write(
        "docs/page.md", PAGE.replace('duration="0.3"', 'duration="0.3" raises="ValueError"')
    )
    assert project.check().returncode == 0
    project.write(
        "docs/page.md", PAGE.replace('duration="0.3"', 'duration="0.3" raises="KeyError"')
    )
    assert "should end with KeyError" in project.check().stdout


def test_a_declared_exception_message_is_checked_too(project: Project) -> None:
    failing = LESSON.replace('    print("end")', '    print("end")\n    raise ValueError("boom")')
    project.write("examples/page/lesson.py", failing)
    declared = 'duration="0.3" raises="ValueError" warns="ValueError: boom"'
    project.write("docs/page.md", PAGE.replace('duration="0.3"', declared))
    assert project.check().returncode == 0
    project.write("docs/page.md", PAGE.replace('duration="0.3"', declared.replace("boom", "bang")))
    result = project.check()
    assert result.returncode == 1
    assert "declared warns= text not found on stderr: 'ValueError: bang'" in result.stdout


def test_a_newer_python_requirement_skips_with_the_reason(project: Project) -> None:
    project.write("docs/page.md", PAGE.replace('duration="0.3"', 'duration="0.3" requires="3.99"'))
    result = project.check("-rs")
    assert result.returncode == 0
    assert "needs Python 3.99+" in result.stdout


def test_update_writes_real_output_and_a_second_run_changes_nothing(project: Project) -> None:
    project.write("docs/page.md", PAGE.split("```output")[0])
    result = project.check("--update-examples")
    assert result.returncode == 0, result.stdout
    first = project.read("docs/page.md")
    # Times are measured, so only their shape is fixed: "start" near 0 s, "end" near 0.3 s.
    fence = r'```output \{times="0\.[01] 0\.[2-5]"\}'
    assert re.search(r'lesson.py"\n```\n\n' + fence + r"\nstart\nend\n```\n", first), first
    assert "1 page(s) rewritten" in result.stdout
    again = project.check("--update-examples")
    assert "0 page(s) rewritten" in again.stdout
    assert project.read("docs/page.md") == first


def test_update_keeps_a_time_within_a_rounding_step_and_rewrites_a_stale_one() -> None:
    from checked_examples.output_block import OutputBlock

    recorded = OutputBlock(line=1, end_line=4, text="a\nb\n", times=[1.0, 1.1])
    run = rewrite.Update("page.md", 1, "", "a\nb\n", line_times=[1.04, 0.87])
    # 1.04 s stays "1.0" (a second update changes nothing); the line that now comes at
    # 0.87 s is recorded anew, though 1.1 s is within any default tolerance of it.
    assert rewrite._times(run, recorded, ["a", "b"]) == "1.0 0.9"


def test_update_of_examples_run_side_by_side_is_safe(project: Project) -> None:
    for n in range(4):
        project.write(f"examples/page/lesson_{n}.py", LESSON.replace("start", f"start {n}"))
    page = "# Page\n\n" + "".join(
        f'```py {{duration="0.3"}}\n--8<-- "examples/page/lesson_{n}.py"\n```\n\nText {n}.\n\n'
        for n in range(4)
    )
    (project.root / "examples/page/lesson.py").unlink()
    project.write("docs/page.md", page)
    result = project.check("--update-examples")
    assert result.returncode == 0, result.stdout
    text = project.read("docs/page.md")
    for n in range(4):
        block = rf'```output \{{times="0\.[01] 0\.[2-5]"\}}\nstart {n}\nend\n```'
        assert re.search(rf'lesson_{n}.py"\n```\n\n{block}\n\nText {n}\.', text), text


def test_update_refuses_a_page_that_changed_during_the_run(tmp_path: Path) -> None:
    project = Project(tmp_path)
    project.write("docs/page.md", PAGE)
    stale = rewrite.Update(str(tmp_path / "docs/page.md"), 3, "print(1)\n", "x\n", [0.0])
    written, refused = rewrite.apply([stale], tmp_path)
    assert written == []
    assert "changed while the examples ran" in refused[0]
    assert project.read("docs/page.md") == PAGE


@pytest.mark.parametrize(
    ("info", "message"),
    [
        ('py {duration="1" durtion="2"}', "did you mean 'duration'?"),
        ("py {duration=1}", 'write each setting as key="value"'),
        ('py {timeout="1"}', 'add duration="<seconds>"'),
        ('py {duration="2" timeout="1"}', "must exceed duration + tolerance"),
        ('py {duration="2" requires="3.x"}', "is not a Python version"),
        ('py {duration="soon"}', "is not a number of seconds"),
        ('py duration="2"', "settings must be in braces"),
        ('py {duration="1" browser="no"}', 'as browser="no: <reason>"'),
        ('py {duration="1" browser="yes: it runs"}', "leaves the setting out"),
        ('py {duration="1" tolerance="0.5"}', "half a second away from the page's time"),
    ],
)
def test_bad_settings_say_what_to_write(info: str, message: str) -> None:
    with pytest.raises(SettingsError, match=None) as error:
        parse(split_info_string(info)[1])
    assert message in str(error.value)


def test_default_tolerance_is_a_quarter_second_plus_ten_percent_under_half_a_second() -> None:
    assert parse({"duration": "1"}).tolerance == pytest.approx(0.35)
    assert parse({"duration": "2"}).tolerance == pytest.approx(0.45)
    assert parse({"duration": "12"}).tolerance == pytest.approx(0.45)  # 0.5 s off still fails
    assert parse({"duration": "2", "tolerance": "0.1"}).tolerance == 0.1


def test_a_blocking_call_in_a_coroutine_fails_on_time(project: Project) -> None:
    blocking = LESSON.replace("await asyncio.sleep(0.3)", "time.sleep(0.9)  # noqa: ASYNC251")
    project.write("examples/page/lesson.py", "import time\n" + blocking)
    result = project.check()
    assert result.returncode == 1
    assert measured_seconds(result.stdout) >= 0.9
    assert "lose its concurrency (a blocking call in a coroutine" in result.stdout


# CPU-bound lessons: `crunch` keeps a core busy for a given processor time, so the
# lesson takes as long on any processor; `cores=` says how many cores it keeps busy.
CRUNCH = """\
import asyncio
import time
from concurrent.futures import ProcessPoolExecutor


def crunch(seconds):
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass
    return seconds

"""

POOL_LESSON = (
    CRUNCH
    + """
async def main():
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(max_workers=2) as pool:
        await asyncio.gather(*(loop.run_in_executor(pool, crunch, 0.3) for _ in range(4)))
    print("4 jobs done")


if __name__ == "__main__":
    asyncio.run(main())
"""
)

POOL_PAGE = """\
# A page

```py {duration="0.6" cores="2"}
--8<-- "examples/page/lesson.py"
```

```output {times="0.6"}
4 jobs done
```
"""

# A processor several times slower, simulated: a trace function runs on every line of
# Python, so every line costs more, as every instruction does on a slower chip.
SLOWER_PROCESSOR = """\
import sys


def _slower(frame, event, arg):
    len(frame.f_code.co_name)
    return _slower


sys.settrace(_slower)
"""


def test_a_slower_processor_leaves_time_sized_cpu_work_on_time(project: Project) -> None:
    lesson = CRUNCH + '\ncrunch(0.4)\nprint("done")\n'
    page = POOL_PAGE.replace('"0.6" cores="2"', '"0.4" cores="1"').replace(
        '"0.6"}\n4 jobs done', '"0.4"}\ndone'
    )
    project.write("docs/page.md", page)
    project.write("examples/page/lesson.py", SLOWER_PROCESSOR + lesson)
    result = project.check()
    assert result.returncode == 0, result.stdout
    # The simulation is real: the same work sized by a count takes 2x the processor time.
    counted = "def work():\n    for _ in range(3_000_000):\n        pass\n\n\nwork()\n"
    plain = run_program(counted, "counted.py", project.root, timeout=60)
    slowed = run_program(SLOWER_PROCESSOR + counted, "slowed.py", project.root, timeout=60)
    assert slowed.load.program_cpu > 2 * plain.load.program_cpu


def test_a_busy_core_does_not_fail_correct_examples(project: Project) -> None:
    project.write("examples/page/lesson.py", POOL_LESSON)
    project.write("docs/page.md", POOL_PAGE)
    project.write("examples/page/sleeps.py", LESSON)
    sleeps = PAGE.replace("# A page\n", "").replace("lesson.py", "sleeps.py")
    project.write("docs/page.md", POOL_PAGE + sleeps)
    hog = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        result = project.check()
    finally:
        hog.kill()
        hog.wait()
    assert result.returncode == 0, result.stdout


def test_a_pool_forced_to_one_worker_fails_on_a_quiet_machine(project: Project) -> None:
    project.write("examples/page/lesson.py", POOL_LESSON.replace("max_workers=2", "max_workers=1"))
    project.write("docs/page.md", POOL_PAGE)
    (example,) = find_doc_examples(project.root)
    settings = example.settings()
    run = run_program(example.program(), "lesson.py", project.root, settings.timeout)
    # A real run: one worker does 1.2 s of processor work, so it takes 1.2 s or more
    # whatever the machine does. Judged as on a quiet machine (no one else's CPU):
    quiet = dataclasses.replace(run, load=machine.Load(cores=2, program_cpu=1.2, others=0.0))
    found = verdict.problems(example, settings, quiet, check_output=True)
    assert run.seconds >= 1.2
    message = "\n".join(found)
    assert "but the page says ~0.6 s" in message
    assert 'duration="0.6" at docs/page.md:3' in message
    assert "a pool with one worker" in message
    # Its late lines and its late total share the cause, said once, after both.
    assert "printed at" in message
    assert message.count("The machine was not busy") == 1
    assert message.rstrip().endswith("a pool with one worker)?")


def test_a_program_that_ends_during_a_run_is_the_machine_not_the_example(
    project: Project,
) -> None:
    # The suite runs many programs at once, and one that ends while another runs must
    # not be charged to it: a busy machine would look quiet, and a CPU-bound example
    # beside it would get no allowance for the cores it lost.
    spin = "import time\nend = time.process_time() + 1\nwhile time.process_time() < end: pass\n"
    spinner = subprocess.Popen([sys.executable, "-c", spin])
    reaper = threading.Thread(target=spinner.wait)  # reaped during the run, as the suite does
    reaper.start()
    run = run_program("import time\ntime.sleep(1.5)\n", "sleeps.py", project.root, timeout=30)
    reaper.join()
    assert run.load.program_cpu < 0.5, run.load
    assert run.load.others > 0.4, run.load


@pytest.mark.parametrize(
    ("cores", "others", "stretch"),
    [
        (None, 1.9, 1.0),  # sleep-bound: a sleep lasts as long on a busy machine
        (2, 0.0, 1.0),  # quiet: no allowance, lost parallelism fails
        (2, 2 / 3, 1.5 * 1.25),  # a pool of two beside a busy process gets 1.33 cores
        (2, 0.4, 2 / 1.6),  # not busy: the measured share alone, no slack
        (1, 1.0, 1.25),  # one core needed, one free, but the machine is busy
        (2, 2.0, 10.0),  # nothing free: capped, a machine that busy proves nothing
    ],
)
def test_cpu_bound_examples_are_allowed_the_slowdown_the_machine_imposed(
    cores: int | None, others: float, stretch: float
) -> None:
    values = {"duration": "1"} | ({"cores": str(cores)} if cores else {})
    run = Run(load=machine.Load(cores=2, program_cpu=1.0, others=others))
    assert verdict.allowed_stretch(parse(values), run) == pytest.approx(stretch)


def test_a_slow_run_on_a_busy_machine_names_the_machine_first(project: Project) -> None:
    (example,) = find_doc_examples(project.root)
    settings = example.settings()
    run = Run(stdout="start\nend\n", returncode=0, seconds=1.4, line_times=[0.0, 1.4])
    busy = dataclasses.replace(run, load=machine.Load(cores=2, program_cpu=0.1, others=1.6))
    message = "\n".join(verdict.problems(example, settings, busy, check_output=True))
    assert "The machine was busy: other processes kept 1.60 of 2 cores busy" in message
    assert "make examples PAGE=page" in message
    assert "line 2 'end': printed at 1.40 s, the page says 0.3 s" in message


def test_update_does_not_record_a_cpu_bound_example_on_a_busy_machine() -> None:
    settings = parse({"duration": "1", "cores": "2"})
    busy = Run(load=machine.Load(cores=2, program_cpu=2.0, others=0.9))
    quiet = Run(load=machine.Load(cores=2, program_cpu=2.0, others=0.1))
    assert "not recorded: the machine was busy" in rewrite.too_busy_to_record(settings, busy)
    assert rewrite.too_busy_to_record(settings, quiet) is None
    assert rewrite.too_busy_to_record(parse({"duration": "1"}), busy) is None


def test_cores_beyond_the_machine_skip_with_the_reason() -> None:
    settings = parse({"duration": "1", "cores": str(machine.usable_cores() + 1)})
    assert "cores to show its lesson (this machine has" in settings.skip_reason()
    with pytest.raises(SettingsError, match="is not a whole number of cores"):
        parse({"duration": "1", "cores": "two"})


def test_the_programs_own_imports_are_not_charged_to_it() -> None:
    source = "from __future__ import annotations\nimport json, unittest\nfrom os import path\n"
    assert top_level_imports(source) == ["json", "unittest", "os"]
    assert top_level_imports("def broken(:\n") == []


def test_a_failing_import_still_fails_the_program(project: Project) -> None:
    project.write("examples/page/lesson.py", "import no_such_module_here\n" + LESSON)
    result = project.check()
    assert result.returncode == 1
    assert "ModuleNotFoundError: No module named 'no_such_module_here'" in result.stdout


def test_page_keeps_one_pages_examples_and_names_a_wrong_page(project: Project) -> None:
    project.write("examples/other/lesson.py", LESSON)
    project.write("docs/other.md", PAGE.replace("examples/page/", "examples/other/"))
    result = project.pytest("tests/test_examples.py", "--page", "other", "-rA")
    assert result.returncode == 0, result.stdout
    assert "PASSED tests/test_examples.py::test_example_runs_as_the_page_says[other/" in (
        result.stdout
    )
    assert "[page/lesson.py]" not in result.stdout
    # Kept: the other page's run; the orphan and finder checks. Dropped: this page's run.
    assert "3 passed, 1 deselected" in result.stdout
    wrong = project.pytest("tests/test_examples.py", "--page", "nope")
    assert wrong.returncode == 4
    assert "no page docs/nope.md" in wrong.stdout + wrong.stderr
    assert "other page" in wrong.stdout + wrong.stderr


def test_exit_handlers_count_but_interpreter_teardown_does_not(project: Project) -> None:
    # Freeing modules at exit is processor work, slow on a busy machine, and no lesson's;
    # the program's own exit handlers are part of the program.
    teardown = (
        "\n\nclass FreedLast:\n    def __del__(self):\n        time.sleep(0.6)\n\n\n"
        "kept = FreedLast()\n"
    )
    project.write("examples/page/lesson.py", "import time\n" + LESSON + teardown)
    passing = project.check()
    assert passing.returncode == 0, passing.stdout
    handler = "\n\natexit.register(time.sleep, 0.6)\n"
    project.write("examples/page/lesson.py", "import atexit\nimport time\n" + LESSON + handler)
    result = project.check()
    assert result.returncode == 1
    assert measured_seconds(result.stdout) >= 0.9


def test_ctrl_c_works_in_an_example_even_when_the_suite_ignores_it(project: Project) -> None:
    # A shell starts background jobs with SIGINT ignored; a reader's terminal does not.
    ctrl_c = LESSON.replace(
        "    await asyncio.sleep(0.3)",
        "    asyncio.get_running_loop().call_later(0.3, signal.raise_signal, signal.SIGINT)\n"
        "    await asyncio.sleep(5)",
    )
    project.write(
        "examples/page/lesson.py", ctrl_c.replace("asyncio\n", "asyncio\nimport signal\n", 1)
    )
    page = PAGE.replace('duration="0.3"', 'duration="0.3" raises="KeyboardInterrupt"')
    project.write("docs/page.md", page.replace("start\nend\n", "start\n").replace(" 0.3", ""))
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-n", "0"]
    result = subprocess.run(
        ["sh", "-c", 'trap "" INT; exec "$@"', "sh", *command, "tests/test_examples.py"],
        cwd=project.root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout


def test_an_example_too_new_to_record_is_still_run_and_timed(project: Project) -> None:
    # Where such an example runs (CI's newest Python), its output cannot be on the page
    # yet: everything else is checked, and the summary shows what it printed.
    settings = parse({"duration": "0.3", "requires": "3.99"})
    assert settings.output_unrecordable
    assert not parse({"duration": "0.3", "requires": "3.12"}).output_unrecordable
    project.write("docs/page.md", PAGE.split("```output")[0])
    (example,) = find_doc_examples(project.root)
    run = run_program(LESSON, "lesson.py", project.root, timeout=10)
    assert verdict.problems(example, settings, run, check_output=True) == []
    slow = dataclasses.replace(run, seconds=1.5)
    assert (
        "but the page says ~0.3 s"
        in verdict.problems(example, settings, slow, check_output=True)[0]
    )
    recordable = parse({"duration": "0.3", "requires": "3.12"})
    assert "no ```output block" in verdict.problems(example, recordable, run, check_output=True)[0]
    # End to end, with this Python standing in for one newer than the recording machines.
    copied = project.root / "src/checked_examples/settings.py"
    copied.write_text(
        copied.read_text().replace(
            "NEWEST_RECORDING_PYTHON = (3, 13)", "NEWEST_RECORDING_PYTHON = (3, 10)"
        )
    )
    project.write(
        "docs/page.md", PAGE.split("```output")[0].replace('"0.3"', '"0.3" requires="3.11"')
    )
    result = project.check()
    assert result.returncode == 0, result.stdout
    assert "outputs not recorded yet" in result.stdout
    assert "printed:\n    start\n    end" in result.stdout


def test_an_output_recorded_elsewhere_for_a_too_new_example_is_checked(project: Project) -> None:
    # Its output may come from that Python elsewhere (the 3.15-only one's came from CPython
    # 3.15 in Pyodide, python -m checked_examples check-pyodide --record): then it is checked.
    settings = parse({"duration": "0.3", "requires": "3.99"})
    assert settings.output_unrecordable
    run = run_program(LESSON, "lesson.py", project.root, timeout=10)
    project.write("docs/page.md", PAGE)
    (example,) = find_doc_examples(project.root)
    assert verdict.problems(example, settings, run, check_output=True) == []
    project.write("docs/page.md", PAGE.replace("start\nend\n", "start\nthe end\n"))
    (example,) = find_doc_examples(project.root)
    (problem,) = verdict.problems(example, settings, run, check_output=True)
    assert "the output differs from the page" in problem


# Each program notes when it ran, and on which Python, in a file every program shares.
STAMPED = """\
import asyncio
import sys
import time
from pathlib import Path

STAMPS = Path({stamps!r})


def stamp(what):
    with STAMPS.open("a") as stamps:
        python = "{{}}.{{}}".format(*sys.version_info[:2])
        stamps.write(f"{name} {{python}} {{what}} {{time.time()}}\\n")


async def main():
    stamp("start")
    {work}
    stamp("end")


asyncio.run(main())
"""


# A CPU-bound program's work: 0.3 s of processor time, on any processor.
CRUNCH_0_3 = "end = time.process_time() + 0.3\n    while time.process_time() < end:\n        pass"


def write_stamped_page(project: Project, programs: dict[str, tuple[str, str, str]]) -> Path:
    """One page of STAMPED programs, {name: (duration, extra settings, work)}; returns the
    file their stamps go to."""
    stamps = project.root / "stamps.txt"
    page = "# A page\n\n"
    for name, (duration, settings, work) in programs.items():
        source = STAMPED.format(stamps=str(stamps), name=name, work=work)
        project.write(f"examples/page/{name}.py", source)
        page += (
            f'```py {{duration="{duration}"{settings}}}\n--8<-- "examples/page/{name}.py"\n```\n\n'
        )
    (project.root / "examples/page/lesson.py").unlink()
    project.write("docs/page.md", page)
    return stamps


def read_stamps(stamps: Path) -> dict[tuple[str, str], dict[str, float]]:
    """{(program, Python): {"start": t, "end": t}}"""
    when: dict[tuple[str, str], dict[str, float]] = {}
    for line in stamps.read_text().splitlines():
        name, python, what, at = line.split()
        when.setdefault((name, python), {})[what] = float(at)
    return when


def test_cpu_bound_examples_run_beside_no_example_but_the_early_long_sleepers(
    project: Project,
) -> None:
    stamps = write_stamped_page(
        project,
        {
            "long": ("2.0", "", "await asyncio.sleep(2.0)"),
            "cpu": ("0.3", ' cores="1"', CRUNCH_0_3),
            **{f"short{n}": ("1.5", "", "await asyncio.sleep(1.5)") for n in range(4)},
        },
    )

    result = project.check()

    assert result.returncode == 0, result.stdout
    when = {name: times for (name, _), times in read_stamps(stamps).items()}
    cpu = when["cpu"]
    # The long sleeper would end last if it waited for the turn: it starts first...
    assert when["long"]["start"] < cpu["start"]
    assert when["long"]["end"] > cpu["end"]
    # ...and the others start after the CPU-bound one ended, side by side: each starts
    # before the one started just before it has ended. Not all four at once: beside a
    # busy machine (the suite's own workers) their start-ups take turns, up to a second
    # each (_LAUNCH_WAIT); one at a time, the 1.5 s sleeps could never overlap.
    shorts = sorted(
        (times for name, times in when.items() if name.startswith("short")),
        key=lambda times: times["start"],
    )
    assert all(times["start"] >= cpu["end"] for times in shorts), when
    overlaps = [later["start"] < earlier["end"] for earlier, later in itertools.pairwise(shorts)]
    assert all(overlaps), when


def test_example_runs_refuse_xdist_workers_and_say_how_to_run(project: Project) -> None:
    result = project.check("-n", "2")
    assert result.returncode != 0
    assert "cannot be shared among xdist workers: run them without -n" in result.stdout


# --also-python: one run, several interpreters (other_python: conftest.py).
SAYS_ITS_VERSION = LESSON.replace(
    'print("start")', 'print("start on", "{}.{}".format(*sys.version_info[:2]))'
).replace("import asyncio\n", "import asyncio\nimport sys\n")


def test_another_python_runs_the_example_and_its_failure_says_which(
    project: Project, other_python: pythons.Python
) -> None:
    here = pythons.this_python()
    project.write("examples/page/lesson.py", SAYS_ITS_VERSION)
    project.write("docs/page.md", PAGE.replace("\nstart\n", f"\nstart on {here.name}\n"))
    result = project.check("--also-python", other_python.executable, "-rA")
    assert result.returncode == 1, result.stdout
    # The page holds what this Python printed; the other printed its own version.
    run = "test_example_runs_as_the_page_says"
    assert f"PASSED tests/test_examples.py::{run}[{here.test_id}-page/lesson.py]" in result.stdout
    assert f"FAILED tests/test_examples.py::{run}[{other_python.test_id}-page/lesson.py]" in (
        result.stdout
    )
    assert f"docs/page.md:3 (lesson.py on Python {other_python.name}, ran" in result.stdout
    assert f"-start on {here.name}\n+start on {other_python.name}" in result.stdout


def test_a_requires_skip_is_judged_by_the_jobs_python(
    project: Project, other_python: pythons.Python
) -> None:
    older, newer = sorted([pythons.this_python(), other_python], key=lambda p: p.version)
    setting = f'duration="0.3" requires="{newer.name}"'
    project.write("docs/page.md", PAGE.replace('duration="0.3"', setting))
    result = project.check("--also-python", other_python.executable, "-rA")
    assert result.returncode == 0, result.stdout
    assert f"[{newer.test_id}-page/lesson.py]" in result.stdout
    assert f"needs Python {newer.name}+ (this is {older.name})" in result.stdout
    assert "1 passed, 1 skipped" in result.stdout
    settings = parse({"duration": "1", "requires": newer.name})
    assert settings.skip_reason(newer.version) is None
    assert settings.skip_reason(older.version) == (
        f"needs Python {newer.name}+ (this is {older.name})"
    )


def test_cpu_bound_examples_of_every_python_take_turns_while_sleepers_overlap(
    project: Project, other_python: pythons.Python
) -> None:
    stamps = write_stamped_page(
        project,
        {
            "cpu1": ("0.3", ' cores="1"', CRUNCH_0_3),
            "cpu2": ("0.3", ' cores="1"', CRUNCH_0_3),
            **{f"short{n}": ("1.0", "", "await asyncio.sleep(1.0)") for n in range(2)},
        },
    )

    result = project.check("--also-python", other_python.executable)

    assert result.returncode == 0, result.stdout
    when = read_stamps(stamps)
    here, there = pythons.this_python().name, other_python.name
    assert {python for _, python in when} == {here, there}
    # Four CPU-bound runs, two per Python: never two at once, whatever their Python.
    cpu = sorted((t["start"], t["end"]) for (name, _), t in when.items() if name.startswith("cpu"))
    assert len(cpu) == 4
    assert all(end <= next_start for (_, end), (next_start, _) in itertools.pairwise(cpu)), cpu
    # Each sleeper runs beside one of the other Python's: the point of one run. (Not all
    # four at once: their start-ups take turns, which on a loaded machine takes a while.)
    shorts = {key: t for key, t in when.items() if key[0].startswith("short")}
    assert len(shorts) == 4
    for (_, python), times in shorts.items():
        assert any(
            other["start"] < times["end"] and times["start"] < other["end"]
            for (_, their_python), other in shorts.items()
            if their_python != python
        ), when


def test_cores_serve_a_cpu_bound_turn_before_start_ups_that_wait() -> None:
    cores = Cores(2)
    cores.take(1)  # a start-up in progress
    order: list[str] = []

    def take(name: str, n: int, first: bool) -> None:
        cores.take(n, first=first)
        order.append(name)
        time.sleep(0.1)
        cores.give_back(n)

    turn = threading.Thread(target=take, args=("cpu-bound turn", 2, True))
    turn.start()
    # Until the turn waits for the start-up's core. (Not a fixed sleep: on a loaded
    # machine the thread may not have asked yet, and the start-up would rightly go first.)
    deadline = time.monotonic() + 5
    while not cores._firsts_waiting and time.monotonic() < deadline:
        time.sleep(0.005)
    startup = threading.Thread(target=take, args=("later start-up", 1, False))
    startup.start()
    time.sleep(0.1)
    assert order == []  # a core is free, but the turn asked first
    cores.give_back(1)
    turn.join(timeout=5)
    startup.join(timeout=5)
    assert order == ["cpu-bound turn", "later start-up"]


def test_a_second_start_up_waits_while_the_machine_has_no_core_to_spare() -> None:
    machine_busy = [1.9]  # another process keeps a core busy, a start-up the other
    cores = Cores(2, busy=lambda: machine_busy[0])
    cores.take(1)  # the first start-up goes, however busy the machine: the suite goes on
    second = threading.Thread(target=cores.take, args=(1,))
    second.start()
    second.join(timeout=0.3)
    assert second.is_alive()  # a core is ours to hand out, but no core is spare
    machine_busy[0] = 1.0
    second.join(timeout=5)
    assert not second.is_alive()


def test_also_python_must_be_another_version_of_python(project: Project) -> None:
    result = project.check("--also-python", str(project.root / "no-python"))
    assert result.returncode == 4
    assert "no-python: not a CPython 3.11 or newer" in result.stdout + result.stderr
    result = project.check("--also-python", sys.executable)
    assert result.returncode == 4
    assert "which this run has already: give one interpreter per version" in (
        result.stdout + result.stderr
    )


def test_update_examples_records_from_this_python_only(
    project: Project, other_python: pythons.Python
) -> None:
    result = project.check("--update-examples", "--also-python", other_python.executable)
    assert result.returncode == 4
    assert "--update-examples records outputs from the Python running pytest only" in (
        result.stdout + result.stderr
    )


def test_flake_hunt_headroom_is_measured_against_the_range_each_run_was_judged_by() -> None:
    import flake_hunt

    # duration 1 ± 0.3: a run of 1.4 s is 0.1 s past the edge, unless the machine's
    # load allowed that run 1.5x (a CPU-bound example beside a busy core).
    strict = flake_hunt.Record(seconds=[1.0, 1.4], stretches=[1.0, 1.0])
    allowed = flake_hunt.Record(seconds=[1.0, 1.4], stretches=[1.0, 1.5])
    assert flake_hunt.headroom(strict, 1.0, 0.3) == pytest.approx(-0.1 / 0.3)
    assert flake_hunt.headroom(allowed, 1.0, 0.3) == pytest.approx(0.3 / 0.3)
