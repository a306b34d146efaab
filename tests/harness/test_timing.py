"""Time is part of the lesson: a run that lost its concurrency fails, with the page and
line and the seconds measured; a slow machine alone does not fail a correct example."""

from __future__ import annotations

import re
import subprocess
import sys

from checked_examples.run.runner import run_program
from harness.one_page import (
    CRUNCH,
    LESSON,
    PAGE,
    POOL_LESSON,
    POOL_PAGE,
    OnePage,
    measured_seconds,
    output,
)


def test_a_slowed_sleep_reports_measured_and_expected_seconds(project: OnePage) -> None:
    project.write("examples/page/lesson.py", LESSON.replace("sleep(0.3)", "sleep(1.3)"))
    result = project.check()
    assert result.ret == 1
    assert measured_seconds(output(result)) >= 1.3
    assert "but the page says ~0.3 s (allowed 0.02 to 0.58 s" in output(result)
    assert 'duration="0.3" at docs/page.md:3' in output(result)


def test_lost_concurrency_fails_on_time(project: OnePage) -> None:
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
    passing = project.check()
    assert passing.ret == 0, output(passing)
    # The same job, awaited one after another: 1.2 s instead of 0.4 s.
    sequential = concurrent.replace(
        "await asyncio.gather(wait(0.4), wait(0.4), wait(0.4))",
        "for _ in range(3):\n                await wait(0.4)",
    )
    project.write("examples/page/lesson.py", sequential)
    result = project.check()
    assert result.ret == 1
    assert measured_seconds(output(result)) >= 1.2
    assert 'duration="0.4" at docs/page.md:3' in output(result)
    assert "lose its concurrency" in output(result)


def test_a_line_printed_at_the_wrong_time_is_named_with_both_times(project: OnePage) -> None:
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
    passing = project.check()
    assert passing.ret == 0, output(passing)
    # "b" moves from 0.1 s to 0.6 s; the total stays at 1 s.
    shifted = three_lines.replace("sleep(0.1)", "sleep(0.6)").replace("sleep(0.9)", "sleep(0.4)")
    project.write("examples/page/lesson.py", shifted)
    result = project.check()
    assert result.ret == 1
    assert "lines printed at the wrong time (allowed ±0.35 s, times= at page.md:7)" in (
        output(result)
    )
    assert re.search(r"line 2 'b': printed at 0\.6\d s, the page says 0\.1 s", output(result))
    assert "line 1" not in output(result)
    assert "line 3" not in output(result)
    assert "took" not in output(result)  # the total was right


def test_a_blocking_call_in_a_coroutine_fails_on_time(project: OnePage) -> None:
    blocking = LESSON.replace("await asyncio.sleep(0.3)", "time.sleep(0.9)  # noqa: ASYNC251")
    project.write("examples/page/lesson.py", "import time\n" + blocking)
    result = project.check()
    assert result.ret == 1
    assert measured_seconds(output(result)) >= 0.9
    assert 'duration="0.3" at docs/page.md:3' in output(result)
    assert "lose its concurrency (a blocking call in a coroutine" in output(result)


def test_exit_handlers_count_but_interpreter_teardown_does_not(project: OnePage) -> None:
    # Freeing modules at exit is processor work, slow on a busy machine, and no lesson's;
    # the program's own exit handlers are part of the program.
    teardown = (
        "\n\nclass FreedLast:\n    def __del__(self):\n        time.sleep(0.6)\n\n\n"
        "kept = FreedLast()\n"
    )
    project.write("examples/page/lesson.py", "import time\n" + LESSON + teardown)
    passing = project.check()
    assert passing.ret == 0, output(passing)
    handler = "\n\natexit.register(time.sleep, 0.6)\n"
    project.write("examples/page/lesson.py", "import atexit\nimport time\n" + LESSON + handler)
    result = project.check()
    assert result.ret == 1
    assert measured_seconds(output(result)) >= 0.9


# A processor several times slower, simulated: a trace function runs on every line of
# Python, so every line costs more, as every instruction does on a slower chip.
SLOWER_PROCESSOR = """\
import sys


def _slower(frame, event, arg):
    len(frame.f_code.co_name)
    return _slower


sys.settrace(_slower)
"""


def test_a_slower_processor_leaves_time_sized_cpu_work_on_time(project: OnePage) -> None:
    lesson = CRUNCH + '\ncrunch(0.4)\nprint("done")\n'
    page = POOL_PAGE.replace('"0.6" cores="2"', '"0.4" cores="1"').replace(
        '"0.6"}\n4 jobs done', '"0.4"}\ndone'
    )
    project.write("docs/page.md", page)
    project.write("examples/page/lesson.py", SLOWER_PROCESSOR + lesson)
    result = project.check()
    assert result.ret == 0, output(result)
    # The simulation is real: the same work sized by a count takes 2x the processor time.
    counted = "def work():\n    for _ in range(3_000_000):\n        pass\n\n\nwork()\n"
    plain = run_program(counted, "counted.py", project.root, timeout=60)
    slowed = run_program(SLOWER_PROCESSOR + counted, "slowed.py", project.root, timeout=60)
    assert slowed.load.program_cpu > 2 * plain.load.program_cpu


def test_a_busy_core_does_not_fail_correct_examples(project: OnePage) -> None:
    project.write("examples/page/lesson.py", POOL_LESSON)
    project.write("examples/page/sleeps.py", LESSON)
    sleeps = PAGE.replace("# A page\n", "").replace("lesson.py", "sleeps.py")
    project.write("docs/page.md", POOL_PAGE + sleeps)
    hog = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        result = project.check()
    finally:
        hog.kill()
        hog.wait()
    assert result.ret == 0, output(result)
