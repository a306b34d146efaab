"""When each example runs: the suite starts the programs itself, ahead of the tests.

pytest runs one test after another, and the examples mostly sleep. So the suite
launches the programs in background threads as soon as the first example test
starts, and each test waits for its own program's run and judges it. Running
every example in one pytest process, rather than in xdist workers, leaves the
order to this module instead of to the workers' queues:

1. Sleep-bound examples so long that, started later, they would end after the
   longest one start at once (today: the twelve-second one alone).
2. When they are past start-up, the CPU-bound examples run one at a time. Sleeping
   programs use no processor, and whatever the early ones do use is measured and
   allowed for like any other process's (machine.py), so a process pool reduced to
   one worker still fails on a quiet machine.
3. Then every other example, longest first, at most `width` at a time.

Whatever the phase, no more programs are in start-up at once than the machine has
cores: an interpreter's start-up and the program's imports are processor work (a
quarter of a second for aiohttp), and sixteen of them at once would starve the
programs already running, whose lines are timed.

So the suite lasts about as long as its longest example (`make bench` prints both).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from example_format.errors import BlockError
from example_format.settings import Settings, usable_cores

from .blocks import DocExample
from .runner import Run, run_program

# How long the CPU-bound turn waits for the early sleepers' start-up, and a launch for
# the one before it: bounded, so a program that hangs while importing holds nothing up.
_STARTUP_WAIT = 5.0
_LAUNCH_WAIT = 1.0


@dataclass
class Job:
    example: DocExample
    program: str
    settings: Settings
    workdir: Path
    result: Future[Run] = field(default_factory=Future)

    @property
    def cpu_bound(self) -> bool:
        return bool(self.settings.cores)

    def started_up(self) -> bool:
        """Past interpreter start-up and its imports (runner.py's marker), or over."""
        return self.result.done() or (self.workdir / ".harness" / "started").exists()


def runnable_job(example: DocExample, workdir: Callable[[], Path]) -> Job | None:
    """A job for an example the suite will run; None for one its test skips or fails
    before running (a block it cannot read, a Python too old): the test says why."""
    try:
        settings = example.settings()
        program = example.program()
    except BlockError:
        return None
    if settings.skip_reason():
        return None
    return Job(example, program, settings, workdir())


def plan(jobs: Iterable[Job]) -> tuple[list[Job], list[Job], list[Job]]:
    """(early sleepers, CPU-bound in turn, the rest longest first)."""
    jobs = list(jobs)
    cpu = [job for job in jobs if job.cpu_bound]
    sleepers = sorted(
        (job for job in jobs if not job.cpu_bound), key=lambda job: -job.settings.duration
    )
    if not cpu or not sleepers:
        return [], cpu, sleepers
    # A sleeper started after the CPU-bound turn ends at about turn + its duration.
    turn = sum(job.settings.duration for job in cpu)
    longest = max(job.settings.duration for job in jobs)
    early = [job for job in sleepers if turn + job.settings.duration > longest]
    return early, cpu, [job for job in sleepers if job not in early]


class Schedule:
    """Runs the jobs in the background in `plan`'s order; `run_of` waits for one."""

    def __init__(self, jobs: Iterable[Job], width: int) -> None:
        self._jobs = {job.example.test_id: job for job in jobs}
        self._pool = ThreadPoolExecutor(max_workers=max(1, width), thread_name_prefix="example")
        self._stopping = threading.Event()
        self._running: set[subprocess.Popen[bytes]] = set()
        self._starting = threading.BoundedSemaphore(usable_cores())
        self._lock = threading.Lock()
        self._conductor = threading.Thread(target=self._conduct, name="schedule", daemon=True)
        self._conductor.start()

    def run_of(self, example: DocExample) -> Run:
        job = self._jobs.get(example.test_id)
        if job is None:  # runnable_job and the test disagree: a harness bug, said plainly
            raise LookupError(f"{example.where} was not scheduled to run")
        return job.result.result()

    def stop(self) -> None:
        """Start nothing more and stop what runs (pytest -x, Ctrl-C, the session's end)."""
        self._stopping.set()
        with self._lock:
            for process in self._running:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
        self._conductor.join(timeout=10)
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _conduct(self) -> None:
        early, cpu, rest = plan(self._jobs.values())
        for job in early:
            self._pool.submit(self._run, job)
        deadline = time.monotonic() + _STARTUP_WAIT
        while cpu and not all(job.started_up() for job in early) and time.monotonic() < deadline:
            time.sleep(0.02)
        for job in cpu:
            self._run(job)
        for job in rest:
            self._pool.submit(self._run, job)

    def _run(self, job: Job) -> None:
        if self._stopping.is_set():
            job.result.cancel()
            return
        self._starting.acquire()
        threading.Thread(target=self._release_after_startup, args=(job,), daemon=True).start()
        try:
            run = run_program(
                job.program,
                job.example.program_name,
                job.workdir,
                job.settings.timeout,
                track=self._track,
            )
        except BaseException as error:  # the test that waits for it reports it
            job.result.set_exception(error)
        else:
            job.result.set_result(run)

    def _release_after_startup(self, job: Job) -> None:
        deadline = time.monotonic() + _LAUNCH_WAIT
        while not job.started_up() and time.monotonic() < deadline:
            time.sleep(0.005)
        self._starting.release()

    def _track(self, process: subprocess.Popen[bytes], running: bool) -> None:
        with self._lock:
            (self._running.add if running else self._running.discard)(process)
        if running and self._stopping.is_set():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
