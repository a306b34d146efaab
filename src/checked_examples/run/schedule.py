"""When each example runs: the suite starts the programs itself, ahead of the tests.

pytest runs one test after another, and the examples mostly sleep. So the suite
launches the programs in background threads as soon as the first example test
starts, and each test waits for its own program's run and judges it. Running
every example in one pytest process, rather than in xdist workers, leaves the
order to this module instead of to the workers' queues. With `--also-python` the
jobs of every interpreter share this one schedule: their sleepers overlap, and the
rules below hold for the machine, not for each Python.

The machine's cores are handed out (`Cores`): a program in start-up takes one (an
interpreter's start-up and the program's imports are processor work, a quarter of a
second for aiohttp, and sixteen at once would starve the programs already running,
whose lines are timed); a CPU-bound program (`cores=`) takes every core for its
whole run, and waits for no start-up that asked after it. A sleeping program takes
none. A start-up also waits while the machine has no core to spare, whoever keeps it
busy: beside a process that kept one core of two busy, two start-ups at once made
sleep-bound lines 0.3 to 0.4 s late. The CPU-bound programs run one at a time,
whatever their Python:

1. Sleep-bound examples so long that, started later, they would end after the
   longest one start at once (today: the twelve-second ones).
2. When they are past start-up, the CPU-bound examples run one at a time, alone:
   nothing starts beside them. Sleeping programs use no processor,
   and whatever the early ones do use is measured and allowed for like any other
   process's (machine.py), so a process pool reduced to one worker still fails on a
   quiet machine.
3. Then every other example, longest first, at most `width` at a time.

One that needs one core of two runs alone too, with several Pythons as with one.
Beside other Pythons' start-ups on the free core, `cpu_work_in_a_process...` took
1.19 to 1.35 s on 3.13 (1.02 alone), and with another process keeping a core busy it
failed in 3 runs of 3 (2.1 to 2.3 s): nothing was left free. Alone, it costs the run
about 3 s.

So one Python's suite lasts about as long as its longest example; several Pythons'
take as long as their start-ups' processor time allows (`make bench` prints both).
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

from ..errors import BlockError
from ..page import DocExample
from ..settings import Settings, usable_cores
from . import machine
from .pythons import Python
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
    python: Python
    result: Future[Run] = field(default_factory=Future)

    @property
    def key(self) -> tuple[str, str]:
        return job_key(self.example, self.python)

    @property
    def cpu_bound(self) -> bool:
        return bool(self.settings.cores)

    def started_up(self) -> bool:
        """Past interpreter start-up and its imports (runner.py's marker), or over."""
        return self.result.done() or (self.workdir / ".harness" / "started").exists()


def job_key(example: DocExample, python: Python) -> tuple[str, str]:
    return python.name, example.test_id


def runnable_job(example: DocExample, python: Python, workdir: Callable[[], Path]) -> Job | None:
    """A job for an example the suite will run on `python`; None for one its test skips
    or fails before running (a block it cannot read, a Python too old): the test says why."""
    try:
        settings = example.settings()
        program = example.program()
    except BlockError:
        return None
    if settings.skip_reason(python.version):
        return None
    return Job(example, program, settings, workdir(), python)


@dataclass
class Plan:
    early: list[Job]  # long sleepers, started first
    alone: list[Job]  # CPU-bound, one at a time, nothing starting beside them
    rest: list[Job]  # the other sleepers, longest first


def plan(jobs: Iterable[Job]) -> Plan:
    """The order of `Schedule`: see the module's docstring."""
    jobs = list(jobs)
    by_length = sorted(jobs, key=lambda job: -job.settings.duration)
    alone = [job for job in by_length if job.cpu_bound]
    sleepers = [job for job in by_length if not job.cpu_bound]
    if not alone or not sleepers:
        return Plan([], alone, sleepers)
    # A sleeper started after the lone turn ends at about turn + its duration.
    turn = sum(job.settings.duration for job in alone)
    longest = max(job.settings.duration for job in jobs)
    early = [job for job in sleepers if turn + job.settings.duration > longest]
    return Plan(early, alone, [job for job in sleepers if job not in early])


class Cores:
    """The machine's cores, handed out so that no more programs want one than there are.

    `take(n, first=True)` (the CPU-bound turn) is served before any `take` that is
    still waiting: a start-up queued behind it waits until it has its cores.
    A start-up beside another one also waits while `busy()` (the cores the whole
    machine keeps busy) leaves less than half a core spare: a process outside the
    suite (a shared runner's neighbour, a compiler) takes cores that are not ours to
    hand out. The first start-up never waits for that, so the suite goes on.
    """

    def __init__(self, count: int, busy: Callable[[], float] = lambda: 0.0) -> None:
        self.count = count
        self._busy = busy
        self._free = count
        self._firsts_waiting = 0
        self._changed = threading.Condition()

    def take(self, n: int, *, first: bool = False) -> int:
        n = min(n, self.count)
        with self._changed:
            self._firsts_waiting += first
            try:
                while not (self._free >= n and (first or self._start_up_may_go())):
                    self._changed.wait(timeout=0.05)  # busy() changes without a notify
            finally:
                self._firsts_waiting -= first
            self._free -= n
            self._changed.notify_all()  # a start-up that waited for no turn may go on
        return n

    def _start_up_may_go(self) -> bool:
        if self._firsts_waiting:
            return False
        return self._free == self.count or self._busy() <= self.count - 0.5

    def give_back(self, n: int) -> None:
        with self._changed:
            self._free += n
            self._changed.notify_all()


class Schedule:
    """Runs the jobs in the background in `plan`'s order; `run_of` waits for one."""

    def __init__(self, jobs: Iterable[Job], width: int) -> None:
        self._jobs = {job.key: job for job in jobs}
        self._pool = ThreadPoolExecutor(max_workers=max(1, width), thread_name_prefix="example")
        self._stopping = threading.Event()
        self._running: set[subprocess.Popen[bytes]] = set()
        self._meter = machine.Meter()
        self._cores = Cores(usable_cores(), busy=self._meter.busy_cores)
        self._lock = threading.Lock()
        self._conductor = threading.Thread(target=self._conduct, name="schedule", daemon=True)
        self._conductor.start()

    def run_of(self, example: DocExample, python: Python) -> Run:
        job = self._jobs.get(job_key(example, python))
        if job is None:  # runnable_job and the test disagree: a harness bug, said plainly
            raise LookupError(f"{example.where} was not scheduled to run on {python.name}")
        return job.result.result()

    def run_alone(self, example: DocExample, python: Python) -> Run:
        """Run the example again, once every scheduled run has ended, with nothing of the
        suite beside it (the tests call this one at a time)."""
        for other in self._jobs.values():
            with contextlib.suppress(BaseException):
                other.result.result()
        job = self._jobs[job_key(example, python)]
        workdir = job.workdir.with_name(job.workdir.name + "-alone")
        workdir.mkdir(exist_ok=True)
        return run_program(
            job.program,
            job.example.program_name,
            workdir,
            job.settings.timeout,
            track=self._track,
            python=job.python.executable,
            trace=job.settings.trace,
        )

    def stop(self) -> None:
        """Start nothing more and stop what runs (pytest -x, Ctrl-C, the session's end)."""
        self._stopping.set()
        with self._lock:
            for process in self._running:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
        self._conductor.join(timeout=10)
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._meter.stop()

    def _conduct(self) -> None:
        order = plan(self._jobs.values())
        for job in order.early:
            self._pool.submit(self._run, job)
        deadline = time.monotonic() + _STARTUP_WAIT
        while order.alone and not all(job.started_up() for job in order.early):
            if time.monotonic() > deadline:
                break
            time.sleep(0.02)
        for job in order.alone:
            self._run(job, cores=self._cores.count)
        for job in order.rest:
            self._pool.submit(self._run, job)

    def _run(self, job: Job, cores: int | None = None) -> None:
        """Run one job: a sleeper holds a core during its start-up, a CPU-bound one
        (`cores` given) holds its cores for the whole run."""
        if self._stopping.is_set():
            job.result.cancel()
            return
        taken = self._cores.take(cores or 1, first=cores is not None)
        if cores is None:
            threading.Thread(
                target=self._give_back_after_startup, args=(job, taken), daemon=True
            ).start()
        try:
            run = run_program(
                job.program,
                job.example.program_name,
                job.workdir,
                job.settings.timeout,
                track=self._track,
                python=job.python.executable,
                trace=job.settings.trace,
            )
        except BaseException as error:  # the test that waits for it reports it
            job.result.set_exception(error)
        else:
            job.result.set_result(run)
        finally:
            if cores is not None:
                self._cores.give_back(taken)

    def _give_back_after_startup(self, job: Job, taken: int) -> None:
        deadline = time.monotonic() + _LAUNCH_WAIT
        while not job.started_up() and time.monotonic() < deadline:
            time.sleep(0.005)
        self._cores.give_back(taken)

    def _track(self, process: subprocess.Popen[bytes], running: bool) -> None:
        with self._lock:
            (self._running.add if running else self._running.discard)(process)
        if running and self._stopping.is_set():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
