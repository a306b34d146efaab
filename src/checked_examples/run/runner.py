"""Run one example as a reader would: `python file.py`, in a folder of its own.

The program runs in a child process, not inside pytest: only then is its
stdout the real interleaving of its coroutines, its warnings and asyncio's
logged errors reach stderr as they would in a terminal, and a program that
hangs can be stopped.

Times count from the moment the interpreter is ready to run the program, not
from the launch: a `sitecustomize` module the harness puts on the child's path
imports asyncio and the modules the program imports at its top, then notes that
moment, so start-up and import time (processor work, several times slower on a
loaded machine) are not charged to the example. The program itself is not
touched, and its own imports then find the modules loaded, as a second import
always does. The clock stops when the program's last exit handler has run, before
the interpreter frees its modules.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from . import child, machine

# Copied beside sitecustomize: the network guard and the check of what was left behind;
# the event loop's recorder (from the package itself: the browser runs it too).
_STARTUP_MODULES = ("network_guard.py", "leftovers.py")
_TRACE_MODULE = Path(__file__).parent.parent / "loop_trace.py"


@dataclass
class Run:
    stdout: str = ""
    stderr: str = ""
    line_times: list[float] = field(default_factory=list)  # seconds from start, per line
    returncode: int | None = None
    seconds: float = 0.0
    timed_out: bool = False
    load: machine.Load = machine.QUIET  # what the rest of the machine did meanwhile
    # What the network guard refused and what the program left behind, one per line.
    harness_report: list[str] = field(default_factory=list)
    # The event loop's story (loop_trace.py), when the run was asked to record it.
    trace: dict | None = None


def run_program(
    source: str,
    name: str,
    workdir: Path,
    timeout: float,
    track: Callable[[subprocess.Popen[bytes], bool], None] | None = None,
    python: str = sys.executable,
    trace: bool = False,
) -> Run:
    """Write `source` to `workdir/name` and run it with `python` (this interpreter by
    default; the suite passes each job's, with the environment that has its packages).

    `track(process, True)` is called once the program is launched and
    `track(process, False)` once it has ended, so a scheduler can stop it.
    `trace`: record the event loop's story too (loop_trace.py), in `Run.trace`.
    """
    program = workdir / name
    program.write_text(source, encoding="utf-8")
    startup_dir = workdir / ".harness"
    startup_dir.mkdir(exist_ok=True)
    (startup_dir / "sitecustomize.py").write_text(child.SITECUSTOMIZE, encoding="utf-8")
    for module in _STARTUP_MODULES:
        shutil.copy(Path(__file__).with_name(module), startup_dir / module)
    extra_env = {}
    trace_file = startup_dir / "trace.json"
    trace_file.unlink(missing_ok=True)
    if trace:
        shutil.copy(_TRACE_MODULE, startup_dir / _TRACE_MODULE.name)
        extra_env["EXAMPLE_HARNESS_TRACE"] = str(trace_file)
    run = Run()
    before = machine.sample()
    process, launched_wall, started = child.launch(
        python, name, workdir, startup_dir, source, extra_env=extra_env
    )
    if track:
        track(process, True)
    output = child.Output(process, started)
    try:
        run.returncode = process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        run.timed_out = True
        child.kill(process)
    finally:
        if track:
            track(process, False)
    run.seconds = time.perf_counter() - started
    if not run.timed_out:
        run.harness_report += _left_running(process)
    after = machine.sample()
    output.join()
    run.line_times = output.line_times
    ended = child.ended(startup_dir / "started")
    run.load = machine.Load.between(
        before,
        after,
        run.seconds,
        machine.usable_cores(),
        program_cpu=None if ended is None else ended[1],
    )
    startup = child.startup_seconds(startup_dir / "started", launched_wall)
    run.seconds = child.program_seconds(ended, launched_wall, run.seconds)
    run.seconds -= startup
    run.line_times = [max(0.0, t - startup) for t in run.line_times]
    run.stdout, run.stderr = output.text()
    run.stderr = run.stderr.replace(str(workdir) + os.sep, "")
    with contextlib.suppress(FileNotFoundError):
        report = (startup_dir / "report").read_text(encoding="utf-8")
        run.harness_report = report.splitlines() + run.harness_report
    if trace:
        with contextlib.suppress(FileNotFoundError, ValueError):
            run.trace = json.loads(trace_file.read_text(encoding="utf-8"))
    return run


def _left_running(process: subprocess.Popen[bytes]) -> list[str]:
    """Processes of the example's group still running after it ended, then killed.

    A child that exits with its parent (multiprocessing's resource tracker or forkserver,
    which wait for the parent's pipe to close) gets a moment to do so.
    """
    deadline = time.monotonic() + 2.0
    while time.monotonic() < deadline:
        try:
            os.killpg(process.pid, 0)
        except (ProcessLookupError, PermissionError):
            return []
        time.sleep(0.02)
    survivors = []
    for other in psutil.process_iter(["cmdline", "status"]):
        with contextlib.suppress(OSError, psutil.Error):
            # A zombie has ended; reaping it is the job of whoever adopted it.
            if os.getpgid(other.pid) == process.pid and other.info["status"] != "zombie":
                survivors.append(other)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    if not survivors:
        return []
    # A killed process takes a moment to end (longer on a busy machine): the report
    # says it was stopped, so it is, by the time anyone reads it.
    deadline = time.monotonic() + 5.0
    while time.monotonic() < deadline and any(_alive(other) for other in survivors):
        time.sleep(0.02)
    return [
        "the example left processes running when it ended (stopped now): "
        + ", ".join(
            f"{other.pid} ({' '.join(other.info['cmdline'] or [])[:80]})" for other in survivors
        )
        + ". End each child (proc.kill() or proc.terminate()) and reap it (await proc.wait())."
    ]


def _alive(process: psutil.Process) -> bool:
    try:
        return process.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:  # gone, or not ours to look at
        return False
