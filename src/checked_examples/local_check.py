"""The downloadable checker's program: `python check-<exercise>.pyz my_program.py` runs
the reader's program as the suite does (run/child.py: a child Python, each line stamped
with its time) and judges it with the suite's judge against the exercise's goal, in the
page's words (goal_words.py). Exit status 0 when it meets the goal, 1 when not, 2 when
it cannot be checked (no such file).

checker.py builds the archive: this module, the ones it imports (standard library
only), the words, and the goal as `goal.json`. It is for the exercises a browser cannot
run (subprocesses, sockets, threads, signals).
"""

from __future__ import annotations

import json
import os
import pkgutil
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import goal_words
from .judge import Observed, Promise, judge
from .run import child

GOAL = "goal.json"
WORDS = "goal-words.json"


def load_goal(data: bytes) -> tuple[str, Promise, float]:
    """The exercise's name, its goal as the judge takes it, and its timeout."""
    goal = json.loads(data)
    promise = goal["promise"]
    for key in ("lines", "times", "warns"):
        if promise[key] is not None:
            promise[key] = tuple(promise[key])
    return goal["name"], Promise(**promise), goal["timeout"]


def run(path: Path, timeout: float, echo=None) -> Observed:
    """Run the program at `path` as `python file.py`, from its own folder, as the suite
    does; `echo(seconds, line)` is called for each line as it comes."""
    source = path.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="check-") as startup:
        startup_dir = Path(startup)
        (startup_dir / "sitecustomize.py").write_text(child.SITECUSTOMIZE, encoding="utf-8")
        process, launched_wall, started = child.launch(
            sys.executable, path.name, path.parent, startup_dir, source, report=False
        )
        marker = startup_dir / "started"
        startup = 0.0

        def stamped(seconds: float, line: bytes) -> None:
            if echo:
                echo(max(0.0, seconds - child.startup_seconds(marker, launched_wall)), line)

        output = child.Output(process, started, stamped)
        timed_out = False
        try:
            status = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out, status = True, None
            child.kill(process)
        seconds = time.perf_counter() - started
        output.join()
        startup = child.startup_seconds(marker, launched_wall)
        seconds = child.program_seconds(child.ended(marker), launched_wall, seconds) - startup
        stdout, stderr = output.text()
    return Observed(
        stdout=stdout,
        line_times=tuple(max(0.0, t - startup) for t in output.line_times),
        stderr=stderr.replace(str(path.parent) + os.sep, ""),
        status=status,
        seconds=seconds,
        timed_out=timed_out,
    )


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    name, promise, timeout = load_goal(pkgutil.get_data(__package__, GOAL))
    words = json.loads(pkgutil.get_data(__package__, WORDS))
    usage = f"usage: python check-{name}.pyz YOUR_PROGRAM.py"
    if len(argv) != 1 or argv[0] in ("-h", "--help"):
        print(f"{usage}\nRuns your program and checks it against the exercise's goal.")
        return 0 if argv and argv[0] in ("-h", "--help") else 2
    path = Path(argv[0])
    if not path.is_file():
        print(f"check-{name}: no such file: {argv[0]}\n{usage}", file=sys.stderr)
        return 2
    width = shutil.get_terminal_size().columns
    print(f"Checking {path} against the goal of {name} (stopped after {timeout:g} s)...")
    print("-" * min(width, 60))

    def echo(seconds: float, line: bytes) -> None:
        text = line.decode("utf-8", errors="replace").rstrip("\n")
        print(f"{seconds:5.1f} s | {text}", flush=True)

    observed = run(path.resolve(), timeout, echo)
    if observed.stderr:
        print(observed.stderr.rstrip("\n"))
    print("-" * min(width, 60))
    if observed.timed_out:
        print(f"Stopped after {timeout:g} s.")
    else:
        print(f"Your program ran {observed.seconds:.2f} s (the goal: ~{promise.duration:g} s).")
    findings = judge(promise, observed)
    text, rows = goal_words.verdict(words, promise, findings, observed.seconds)
    print(text)
    for row in rows:
        print(row)
    return 0 if not findings else 1
