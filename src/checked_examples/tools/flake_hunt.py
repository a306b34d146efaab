"""Run the example suite many times and say how often each example failed.

    make flake-hunt RUNS=10 BUSY=yes PAGE=timeouts

An example that fails one run in twenty fails somebody's pull request every week,
and teaches everyone to press "re-run". Run this on a new CPU-bound or tightly
timed example before you open a pull request. BUSY=yes keeps one core busy with
another process meanwhile, as a shared CI runner or a laptop that is compiling
something would. It prints, per example, its failures, its fastest and slowest
run, and its headroom: how close the worst run came to the edge of the allowed
range, as a share of the tolerance (0 % means it nearly failed). With `--also-python`
(make flake-hunt adds every other Python here) each run covers those Pythons too, in
one schedule as make test runs them, and each example is counted once per Python.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BlockError
from ..page import site_examples
from ..paths import ROOT
from ..run.pythons import split_test_id

# The tests' record_property figures reach the report only in its xunit1 form.
JUNIT_PROPERTIES = ["-o", "junit_family=xunit1"]

TEST = "tests/test_examples.py::test_example_runs_as_the_page_says"


@dataclass
class Record:
    runs: int = 0
    failures: int = 0
    seconds: list[float] = field(default_factory=list)
    others: list[float] = field(default_factory=list)
    # How much slower than the page each run was allowed to be (CPU-bound on a busy machine)
    stretches: list[float] = field(default_factory=list)
    first_failure: str = ""


@contextmanager
def busy_core(enabled: bool) -> Iterator[None]:
    """Another process spinning on one core for as long as the runs last."""
    if not enabled:
        yield
        return
    # A session of its own, as a program started elsewhere has: Linux shares the
    # processor between sessions first (autogroups), so a spinner in pytest's session
    # would mostly slow pytest, not keep a core from the examples, which have theirs.
    hog = subprocess.Popen([sys.executable, "-c", "while True: pass"], start_new_session=True)
    try:
        yield
    finally:
        hog.kill()
        hog.wait()


def run_once(pages: list[str], at_once: int, also: list[str], report: Path) -> None:
    page_args = [arg for page in pages for arg in ("--page", page)]
    page_args += [arg for python in also for arg in ("--also-python", python)]
    pytest = [
        sys.executable,
        "-m",
        "pytest",
        TEST,
        "-q",
        "-p",
        "no:cacheprovider",
        "--examples-at-once",
        str(at_once),
    ]
    subprocess.run(
        [*pytest, *page_args, f"--junitxml={report}", *JUNIT_PROPERTIES],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )


def read_report(report: Path, records: dict[str, Record]) -> None:
    for case in ET.parse(report).getroot().iter("testcase"):
        name = case.get("name", "")
        if "[" not in name or case.find("skipped") is not None:
            continue
        record = records.setdefault(name[name.index("[") + 1 : -1], Record())
        record.runs += 1
        properties = {p.get("name"): p.get("value") for p in case.iter("property")}
        if "seconds" in properties:
            record.seconds.append(float(properties["seconds"]))
            record.others.append(float(properties["others_busy_cores"]))
            record.stretches.append(float(properties.get("allowed_stretch", 1.0)))
        failure = next((e for e in case if e.tag in ("failure", "error")), None)
        if failure is not None:
            record.failures += 1
            text = (failure.text or failure.get("message") or "").strip()
            record.first_failure = record.first_failure or "\n  ".join(text.splitlines()[:12])


def headroom(record: Record, duration: float, tolerance: float) -> float:
    """The worst run's distance from its allowed range's nearer edge, / tolerance.

    Each run is measured against the range it was judged by: a CPU-bound example's
    widens by the slowdown the machine imposed on that run (verdict.allowed_stretch).
    """
    if not record.seconds:
        return 0.0
    low = duration - tolerance
    return (
        min(
            min(duration * stretch + tolerance - seconds, seconds - low)
            for seconds, stretch in zip(record.seconds, record.stretches, strict=True)
        )
        / tolerance
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--busy", choices=("yes", "no"), default="no")
    parser.add_argument("--page", action="append", default=[])
    parser.add_argument("--examples-at-once", type=int, default=16, help="as make examples uses")
    parser.add_argument(
        "--also-python", action="append", default=[], help="as pytest takes it (repeatable)"
    )
    args = parser.parse_args(argv)

    settings = {}
    for example in site_examples():
        try:
            # An exercise's block runs its solution, under the solution's id.
            settings[example.checked().test_id] = example.settings()
        except BlockError:
            continue  # a broken block fails its own test, with the place
    records: dict[str, Record] = {}
    with busy_core(args.busy == "yes"), tempfile.TemporaryDirectory() as scratch:
        for number in range(1, args.runs + 1):
            report = Path(scratch) / f"run-{number}.xml"
            started = time.perf_counter()
            run_once(args.page, args.examples_at_once, args.also_python, report)
            wall = time.perf_counter() - started
            read_report(report, records)
            failed = sum(r.failures for r in records.values())
            print(
                f"run {number}/{args.runs} done in {wall:.1f} s: {failed} failure(s) so far",
                flush=True,
            )

    busy = ", one core kept busy by another process" if args.busy == "yes" else ""
    total = sum(r.failures for r in records.values())
    print(f"\n{args.runs} runs of {len(records)} examples{busy}: {total} failure(s)\n")
    header = ("example", "failed", "fastest", "slowest", "page says", "headroom")
    print("{:58} {:>7} {:>8} {:>8} {:>12} {:>9}".format(*header))
    rows = []
    for name, record in records.items():
        example = settings.get(split_test_id(name)[1])  # "py3.12-page/x.py": page/x.py
        if example is None:
            continue
        room = headroom(record, example.duration, example.tolerance)
        rows.append((-record.failures, room, name, record, example))
    for _, room, name, record, example in sorted(rows):
        says = f"{example.duration:g}±{example.tolerance:g} s"
        print(
            f"{name[:58]:58} {record.failures:>3}/{record.runs:<3} "
            f"{min(record.seconds, default=0):7.2f}s {max(record.seconds, default=0):7.2f}s "
            f"{says:>12} {room:8.0%}" + (f"  (cores={example.cores})" if example.cores else "")
        )
    for name, record in records.items():
        if record.failures:
            print(f"\n{name}, first failure:\n  {record.first_failure}")
    busiest = max((max(r.others, default=0) for r in records.values()), default=0)
    print(f"\nOther processes kept up to {busiest:.1f} cores busy during a run.")
    return 1 if total else 0
