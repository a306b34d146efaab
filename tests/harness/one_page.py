"""A one-page project for the harness's end-to-end tests, made in a pytester folder.

It is laid out as this repository is: the real tests/conftest.py (which loads the
plugin), the real tests/test_examples.py and tests/test_example_lint.py, this
repository's [tool.pytest.ini_options], and one page, docs/page.md, that embeds
examples/page/lesson.py. A test breaks it, runs pytest on it in a child process
(`runpytest_subprocess`: the examples' lines are timed in a real process, as in a
contributor's run) and reads the verdict.
"""

from __future__ import annotations

import re
import shutil
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

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


def pytest_settings() -> str:
    """This repository's [tool.pytest.ini_options] table, as its pyproject.toml has it."""
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    match = re.search(r"^\[tool\.pytest\.ini_options\]\n.*?(?=^\[|\Z)", text, re.M | re.S)
    assert match, "pyproject.toml has no [tool.pytest.ini_options]"
    return match.group(0)


class OnePage:
    """The project in `pytester.path`, and pytest runs on it."""

    def __init__(self, pytester: pytest.Pytester) -> None:
        self.pytester = pytester
        self.root = pytester.path
        tests = self.root / "tests"
        tests.mkdir()
        for name in ("conftest.py", "test_examples.py", "test_example_lint.py"):
            shutil.copy(REPO / "tests" / name, tests / name)
        self.write("pyproject.toml", pytest_settings())
        self.write("examples/page/lesson.py", LESSON)
        self.write("docs/page.md", PAGE)

    # Written as is, not with pytester.makefile, which strips the final newline: the
    # pages' tests read what --update-examples writes at a page's end.
    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def read(self, relative: str) -> str:
        return (self.root / relative).read_text(encoding="utf-8")

    def pytest(self, *args: str) -> pytest.RunResult:
        return self.pytester.runpytest_subprocess(
            "-p", "no:cacheprovider", "-q", *args, timeout=120
        )

    def check(self, *args: str) -> pytest.RunResult:
        """Run only the run-and-compare test, the one most breakages hit."""
        return self.pytest("tests/test_examples.py", "-k", "runs_as_the_page_says", *args)

    def run_wrapped(self, *prefix: str) -> pytest.RunResult:
        """The run-and-compare test in a child pytest started through `prefix` (a shell
        that ignores Ctrl-C, a network namespace)."""
        command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-n", "0"]
        command += ["tests/test_examples.py", "-k", "runs_as_the_page_says"]
        return self.pytester.run(*prefix, *command, timeout=120)


def output(result: pytest.RunResult) -> str:
    """What the child pytest printed, stdout then stderr."""
    return str(result.stdout) + "\n" + str(result.stderr)


def measured_seconds(report: str) -> float:
    """The seconds in the harness's "took N s, but the page says" line."""
    match = re.search(r"took (\d+\.\d+) s, but the page says", report)
    assert match, report
    return float(match.group(1))
