"""How much of the machine an example got while it ran.

A sleep-bound example barely notices a busy machine; a CPU-bound one (it declares
`cores=`) slows down when other processes take the cores it needs. The runner
samples the machine's CPU time around each run and the program reports its own at
exit, so the verdict can tell "the machine was busy" from "the program lost its
concurrency", and allow a CPU-bound example exactly the slowdown the machine imposed.
"""

from __future__ import annotations

import resource
import threading
import time
from collections import deque
from dataclasses import dataclass

import psutil

# Defined beside the settings, whose skip_reason needs it too (cores= asks for cores).
from ..settings import usable_cores


@dataclass(frozen=True)
class Sample:
    machine_busy: float  # CPU seconds every process on the machine has used so far
    children: float  # CPU seconds this process's finished (waited-for) children used


def sample() -> Sample:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return Sample(_machine_busy(), usage.ru_utime + usage.ru_stime)


def _machine_busy() -> float:
    times = psutil.cpu_times()
    # Busy time as the kernel counts it; iowait is idle, and guest time is already
    # inside user time on Linux. steal is CPU a hypervisor gave to someone else.
    return sum(
        getattr(times, name, 0.0) for name in ("user", "nice", "system", "irq", "softirq", "steal")
    )


class Meter:
    """How many cores the whole machine kept busy just now (the last `window` s).

    The schedule asks it before it starts another program: start-up is processor
    work, and starting one on a machine with no core to spare makes the programs
    already running late, whoever keeps the cores busy (the suite's own start-ups, or
    another process on a shared runner).
    """

    def __init__(self, window: float = 0.2, every: float = 0.05) -> None:
        self._every = every
        self._samples: deque[tuple[float, float]] = deque(maxlen=round(window / every) + 1)
        self._samples.append((time.monotonic(), _machine_busy()))
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._sample, name="meter", daemon=True)
        self._thread.start()

    def busy_cores(self) -> float:
        (start, busy_then), (now, busy_now) = self._samples[0], self._samples[-1]
        return (busy_now - busy_then) / (now - start) if now > start else 0.0

    def stop(self) -> None:
        self._stopped.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stopped.wait(self._every):
            self._samples.append((time.monotonic(), _machine_busy()))


@dataclass(frozen=True)
class Load:
    """What the machine was doing during one run."""

    cores: int  # usable cores
    program_cpu: float  # CPU seconds the program and its children used
    others: float  # cores other processes kept busy, on average over the run

    @staticmethod
    def between(
        before: Sample, after: Sample, wall: float, cores: int, program_cpu: float | None = None
    ) -> Load:
        """`program_cpu` as the program counted it at exit (runner.py). Without it (a
        program killed before its exit handlers) the children's time that ended in the
        interval stands in, which also counts any other child that ended meanwhile."""
        if program_cpu is None:
            program_cpu = after.children - before.children
        program = max(0.0, program_cpu)
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
