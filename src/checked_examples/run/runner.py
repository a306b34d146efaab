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
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from ..program import ENVIRONMENT, top_level_imports
from . import machine

# Variables that would make the child behave unlike a reader's `python file.py`.
_SCRUBBED = (
    "PYTHONPATH",
    "PYTHONSTARTUP",
    "PYTHONDEVMODE",
    "PYTHONASYNCIODEBUG",
    "PYTHONWARNINGS",
    "PYTHONTRACEMALLOC",
    "PYTHONINSPECT",
    "PYTHONBREAKPOINT",
)


# Runs at interpreter start-up, before the program, and records the wall-clock
# start. It imports asyncio first: an import has no effect a program can see,
# and its cost, which varies with the machine's load, is not the lesson's.
_SITECUSTOMIZE = """\
import os
_report = os.environ.get("EXAMPLE_HARNESS_REPORT")  # kept: Pythons the example starts
if _report:
    import network_guard
    network_guard.install(_report)
_path = os.environ.pop("EXAMPLE_HARNESS_START_FILE", None)
if _path:  # the example itself, not a Python it starts (which starts as a reader's would)
    import asyncio, atexit, importlib, resource, signal, sys, time
if _path and _report:
    import leftovers
    atexit.register(leftovers.report, _report)  # runs last, untimed, after _ended
if _path:
    # As in a terminal, Ctrl-C raises KeyboardInterrupt, even when the suite itself
    # was started in the background, where the shell makes SIGINT ignored.
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    for _name in os.environ.pop("EXAMPLE_HARNESS_IMPORTS", "").split():
        try:
            importlib.import_module(_name)
        except Exception:
            pass  # the program's own import will say what is wrong
    _trace = os.environ.pop("EXAMPLE_HARNESS_TRACE", None)
    if _trace:  # the event loop's story (trace="true"), written after the clock stops
        import loop_trace
        atexit.register(loop_trace.write, _trace)
        loop_trace.install(sys.argv[0])
    with open(_path, "w") as _file:
        _file.write(repr(time.time()))

    @atexit.register  # registered first, so it runs after the program's own handlers
    def _ended(path=_path + ".end", now=time.time, usage=resource.getrusage):
        ended = now()
        # The program's own processor time, with the children it waited for (a pool's
        # workers): the suite's count of its children also holds every other example
        # that ended meanwhile.
        cpu = sum(
            sum(usage(who)[:2]) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
        )
        with open(path, "w") as file:
            file.write(f"{ended!r} {cpu!r}")
"""


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


def child_environment(startup_dir: Path, imports: Sequence[str] = ()) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _SCRUBBED}
    env.update(
        PYTHONPATH=str(startup_dir),
        EXAMPLE_HARNESS_START_FILE=str(startup_dir / "started"),
        EXAMPLE_HARNESS_IMPORTS=" ".join(imports),
        # The network guard's and the leftovers check's findings (network_guard.py).
        EXAMPLE_HARNESS_REPORT=str(startup_dir / "report"),
        PYTHONUNBUFFERED="1",  # each line reaches us when it is printed, not at exit
    )
    env.update(ENVIRONMENT)
    return env


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
    (startup_dir / "sitecustomize.py").write_text(_SITECUSTOMIZE, encoding="utf-8")
    for module in _STARTUP_MODULES:
        shutil.copy(Path(__file__).with_name(module), startup_dir / module)
    env = child_environment(startup_dir, top_level_imports(source))
    trace_file = startup_dir / "trace.json"
    trace_file.unlink(missing_ok=True)
    if trace:
        shutil.copy(_TRACE_MODULE, startup_dir / _TRACE_MODULE.name)
        env["EXAMPLE_HARNESS_TRACE"] = str(trace_file)
    run = Run()
    before = machine.sample()
    launched_wall, started = time.time(), time.perf_counter()
    # -W default shows every warning once, ResourceWarning included, which a
    # plain run hides: the suite must see what a careless program leaks.
    process = subprocess.Popen(
        [python, "-W", "default", name],
        cwd=workdir,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # so a hang is stopped with its worker processes
    )
    if track:
        track(process, True)
    out_lines: list[bytes] = []
    err_chunks: list[bytes] = []

    def read_stdout() -> None:
        for line in iter(process.stdout.readline, b""):
            run.line_times.append(time.perf_counter() - started)
            out_lines.append(line)

    def read_stderr() -> None:
        err_chunks.append(process.stderr.read())

    readers = [threading.Thread(target=f, daemon=True) for f in (read_stdout, read_stderr)]
    for reader in readers:
        reader.start()
    try:
        run.returncode = process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        run.timed_out = True
        _kill_group(process)
    finally:
        if track:
            track(process, False)
    run.seconds = time.perf_counter() - started
    if not run.timed_out:
        run.harness_report += _left_running(process)
    after = machine.sample()
    for reader in readers:
        reader.join(timeout=5)
    ended = _ended(startup_dir / "started")
    run.load = machine.Load.between(
        before,
        after,
        run.seconds,
        machine.usable_cores(),
        program_cpu=None if ended is None else ended[1],
    )
    startup = _startup_seconds(startup_dir / "started", launched_wall)
    run.seconds = _program_seconds(ended, launched_wall, run.seconds)
    run.seconds -= startup
    run.line_times = [max(0.0, t - startup) for t in run.line_times]
    process.stdout.close()
    process.stderr.close()
    run.stdout = b"".join(out_lines).decode("utf-8", errors="replace")
    run.stderr = b"".join(err_chunks).decode("utf-8", errors="replace")
    run.stderr = run.stderr.replace(str(workdir) + os.sep, "")
    with contextlib.suppress(FileNotFoundError):
        report = (startup_dir / "report").read_text(encoding="utf-8")
        run.harness_report = report.splitlines() + run.harness_report
    if trace:
        with contextlib.suppress(FileNotFoundError, ValueError):
            run.trace = json.loads(trace_file.read_text(encoding="utf-8"))
    return run


def _ended(marker: Path) -> tuple[float, float] | None:
    """When the program's last exit handler ran (wall clock), and the processor
    seconds it and its waited-for children had used by then; None if it never said."""
    try:
        ended_wall, cpu = map(float, marker.with_name(marker.name + ".end").read_text().split())
    except (OSError, ValueError):
        return None
    return ended_wall, cpu


def _program_seconds(
    ended: tuple[float, float] | None, launched_wall: float, measured: float
) -> float:
    """Seconds from launch until the program had finished, teardown excluded.

    The child notes when its last atexit handler ran: the program's code, its threads
    and its own exit handlers are done, and what follows (freeing every module) is
    processor work, several times slower on a busy machine, that no lesson is about.
    A program stopped by a signal or os._exit() notes nothing: then it is the time
    the process took, measured here.
    """
    if ended is None:
        return measured
    return min(measured, max(0.0, ended[0] - launched_wall))


def _startup_seconds(marker: Path, launched_wall: float) -> float:
    """Seconds from launch until the interpreter was ready (0 if it never said)."""
    try:
        ready_wall = float(marker.read_text())
    except (OSError, ValueError):
        return 0.0
    return min(max(0.0, ready_wall - launched_wall), 5.0)


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


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
