"""The runner (run/runner.py): a program runs as a reader runs it, and only its own time
is charged to it."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from checked_examples.program import top_level_imports
from checked_examples.run.runner import run_program
from harness.one_page import LESSON, PAGE, OnePage, output


def test_a_program_that_ends_during_a_run_is_the_machine_not_the_example(tmp_path: Path) -> None:
    # The suite runs many programs at once, and one that ends while another runs must
    # not be charged to it: a busy machine would look quiet, and a CPU-bound example
    # beside it would get no allowance for the cores it lost.
    spin = "import time\nend = time.process_time() + 1\nwhile time.process_time() < end: pass\n"
    spinner = subprocess.Popen([sys.executable, "-c", spin])
    reaper = threading.Thread(target=spinner.wait)  # reaped during the run, as the suite does
    reaper.start()
    run = run_program("import time\ntime.sleep(1.5)\n", "sleeps.py", tmp_path, timeout=30)
    reaper.join()
    assert run.load.program_cpu < 0.5, run.load
    assert run.load.others > 0.4, run.load


def test_the_programs_own_imports_are_not_charged_to_it() -> None:
    source = "from __future__ import annotations\nimport json, unittest\nfrom os import path\n"
    assert top_level_imports(source) == ["json", "unittest", "os"]
    assert top_level_imports("def broken(:\n") == []


def test_ctrl_c_works_in_an_example_even_when_the_suite_ignores_it(project: OnePage) -> None:
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
    result = project.run_wrapped("sh", "-c", 'trap "" INT; exec "$@"', "sh")
    assert result.ret == 0, output(result)
    result.stdout.fnmatch_lines(["*1 passed*"])
