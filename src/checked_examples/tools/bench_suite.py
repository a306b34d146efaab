"""How long the example suite takes next to the floor set by its longest example.

Runs the suite's run-and-compare test as `make test` does (the programs side by
side, in the order src/checked_examples/run/schedule.py sets) and prints its wall
time beside the longest single example and the sum of all of them, read from
pytest's JUnit report. Sleep-bound examples parallelise past the core count, so
the aim is a wall time within 1.5x the longest example plus pytest's start-up.
It prints figures; it does not pass or fail. With `--also-python` (make bench adds
every other Python here, as make test runs them) the suite runs on those Pythons too,
in one schedule, and the longest example is the longest of any of them.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from ..paths import ROOT
from ..settings import usable_cores

# The tests' record_property figures reach the report only in its xunit1 form.
JUNIT_PROPERTIES = ["-o", "junit_family=xunit1"]

TEST = ["tests/test_examples.py", "-k", "runs_as_the_page_says", "-q", "-p", "no:cacheprovider"]


def timed(args: list[str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.perf_counter()
    result = subprocess.run(args, cwd=ROOT, capture_output=True, text=True)
    return time.perf_counter() - started, result


def processor_seconds() -> float:
    """CPU time of this process's finished children: pytest, and the example programs
    it waited for (their own children too, when they waited for them)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_seconds(case: ET.Element) -> float:
    """The example's own run as the harness timed it (JUnit's time is the test's wait
    for a program that started in the background, with others, long before)."""
    for prop in case.iter("property"):
        if prop.get("name") == "seconds":
            return float(prop.get("value", 0))
    return float(case.get("time", 0))  # skipped: it never ran


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples-at-once", type=int, default=16, help="as make examples uses")
    parser.add_argument(
        "--also-python", action="append", default=[], help="as pytest takes it (repeatable)"
    )
    args = parser.parse_args(argv)
    at_once = ["--examples-at-once", str(args.examples_at_once)]
    at_once += [arg for python in args.also_python for arg in ("--also-python", python)]
    pytest = [sys.executable, "-m", "pytest"]
    # Start-up as the suite pays it: pytest started and collecting, no test run.
    nothing = ["tests/test_examples.py", "-q", "-p", "no:cacheprovider", "-k", "no_such_test"]
    startup, _ = timed([*pytest, *nothing, *at_once])
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "junit.xml"
        before = processor_seconds()
        wall, result = timed([*pytest, *TEST, *at_once, f"--junitxml={report}", *JUNIT_PROPERTIES])
        cpu = processor_seconds() - before
        cases = ET.parse(report).getroot().iter("testcase")
        times = sorted((run_seconds(case), case.get("name", "")) for case in cases)[::-1]
    if result.returncode != 0:
        print(result.stdout[-3000:])
        print("the suite failed; the figures below still describe the run")
    longest, name = times[0]
    total = sum(seconds for seconds, _ in times)
    target = 1.5 * longest + startup
    pythons = ", ".join(["this one", *args.also_python])
    print(f"examples run             {len(times)}  (on {pythons})")
    print(f"sum of example times     {total:7.2f} s  (the suite run one by one)")
    print(f"longest example          {longest:7.2f} s  {name}")
    print(f"pytest start-up          {startup:7.2f} s  (started and collected, no test run)")
    print(f"suite wall time          {wall:7.2f} s  ({wall / longest:.2f}x the longest)")
    # The other floor: the programs' start-ups, imports and work are processor time, and
    # the CPU-bound ones keep their cores to themselves (schedule.py).
    cores = usable_cores()
    print(
        f"processor time           {cpu:7.2f} s  (pytest and the programs: no run on "
        f"{cores} cores takes less than {cpu / cores:.2f} s)"
    )
    verdict = "met" if wall <= target else "MISSED"
    print(f"aim: 1.5x longest + start-up = {target:.2f} s -> {verdict}")
    return 0
