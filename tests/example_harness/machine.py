"""How much of the machine an example got while it ran.

A sleep-bound example barely notices a busy machine; a CPU-bound one (it declares
`cores=`) slows down when other processes take the cores it needs. The runner
samples the machine's CPU time and the example's own around each run, so the
verdict can tell "the machine was busy" from "the program lost its concurrency",
and allow a CPU-bound example exactly the slowdown the machine imposed.
"""

from __future__ import annotations

import contextlib
import resource
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psutil

# Defined beside the settings, whose skip_reason needs it too (cores= asks for cores).
from example_format.settings import usable_cores


@dataclass(frozen=True)
class Sample:
    machine_busy: float  # CPU seconds every process on the machine has used so far
    children: float  # CPU seconds this process's finished (waited-for) children used


def sample() -> Sample:
    times = psutil.cpu_times()
    # Busy time as the kernel counts it; iowait is idle, and guest time is already
    # inside user time on Linux. steal is CPU a hypervisor gave to someone else.
    busy = sum(
        getattr(times, name, 0.0) for name in ("user", "nice", "system", "irq", "softirq", "steal")
    )
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return Sample(busy, usage.ru_utime + usage.ru_stime)


@dataclass(frozen=True)
class Load:
    """What the machine was doing during one run."""

    cores: int  # usable cores
    program_cpu: float  # CPU seconds the program and its children used
    others: float  # cores other processes kept busy, on average over the run

    @staticmethod
    def between(before: Sample, after: Sample, wall: float, cores: int) -> Load:
        program = max(0.0, after.children - before.children)
        others_cpu = max(0.0, after.machine_busy - before.machine_busy - program)
        return Load(cores, program, min(float(cores), others_cpu / wall) if wall > 0 else 0.0)

    @property
    def free(self) -> float:
        """Cores left for the program, on average."""
        return max(0.0, self.cores - self.others)

    @property
    def busy(self) -> bool:
        """Whether other processes took enough CPU to slow a program down noticeably."""
        return self.others >= 0.5

    def describe(self) -> str:
        return f"other processes kept {self.others:.2f} of {self.cores} cores busy"


QUIET = Load(cores=usable_cores(), program_cpu=0.0, others=0.0)


@contextlib.contextmanager
def example_turn(turns: Path, cores: int | None, cpu_bound_total: int) -> Iterator[None]:
    """CPU-bound examples first, one at a time, with the machine to themselves.

    Beside other examples (each starts a Python) a CPU-bound one would only measure how
    busy the suite keeps the machine, and a process pool reduced to one worker would pass
    unnoticed. So the suite's `cpu_bound_total` CPU-bound examples (conftest.py runs them
    first) take turns, each noting when it is done, and every other example waits until
    all of them are, then runs beside the others.
    """
    import fcntl  # POSIX only, like the runner's process groups

    turns.mkdir(parents=True, exist_ok=True)
    done = turns / "cpu-bound-examples-done"
    if cores:
        with open(turns / "cpu-bound-examples.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                with open(done, "a") as marks:
                    marks.write("done\n")
                fcntl.flock(lock, fcntl.LOCK_UN)
        return
    # Bounded, in case a worker died mid-example: then the rest run anyway.
    give_up = time.monotonic() + 300
    while _lines(done) < cpu_bound_total and time.monotonic() < give_up:
        time.sleep(0.05)
    yield


def _lines(path: Path) -> int:
    try:
        return path.read_text().count("\n")
    except FileNotFoundError:
        return 0
