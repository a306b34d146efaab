"""Start a program as `python file.py` and stamp each line it prints: the part of running
an example that needs only the standard library, so that both the suite's runner
(runner.py, which adds the machine's load, the network guard and the leftovers check) and
the downloadable checker (local_check.py, on a reader's machine) run a program alike.

Times count from the moment the interpreter is ready to run the program, not from the
launch: a `sitecustomize` module put on the child's path imports asyncio and the modules
the program imports at its top, then notes that moment (runner.py says why).
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from ..program import ENVIRONMENT, top_level_imports

# Variables that would make the child behave unlike a reader's `python file.py`.
SCRUBBED = (
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
# `resource` is POSIX only: elsewhere (the checker on Windows) the processor time is 0.
SITECUSTOMIZE = """\
import os
_report = os.environ.get("EXAMPLE_HARNESS_REPORT")  # kept: Pythons the example starts
if _report:
    import network_guard
    network_guard.install(_report)
_path = os.environ.pop("EXAMPLE_HARNESS_START_FILE", None)
if _path:  # the example itself, not a Python it starts (which starts as a reader's would)
    import asyncio, atexit, importlib, signal, sys, time
    try:
        import resource
    except ImportError:
        resource = None
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
    def _ended(path=_path + ".end", now=time.time, usage=resource and resource.getrusage):
        ended = now()
        # The program's own processor time, with the children it waited for (a pool's
        # workers): the suite's count of its children also holds every other example
        # that ended meanwhile.
        cpu = usage and sum(
            sum(usage(who)[:2]) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
        )
        with open(path, "w") as file:
            file.write(f"{ended!r} {cpu or 0.0!r}")
"""


def child_environment(
    startup_dir: Path, imports: Sequence[str] = (), report: bool = True
) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in SCRUBBED}
    env.update(
        PYTHONPATH=str(startup_dir),
        EXAMPLE_HARNESS_START_FILE=str(startup_dir / "started"),
        EXAMPLE_HARNESS_IMPORTS=" ".join(imports),
        PYTHONUNBUFFERED="1",  # each line reaches us when it is printed, not at exit
    )
    if report:  # the network guard's and the leftovers check's findings (network_guard.py)
        env["EXAMPLE_HARNESS_REPORT"] = str(startup_dir / "report")
    env.update(ENVIRONMENT)
    return env


def launch(
    python: str,
    name: str,
    workdir: Path,
    startup_dir: Path,
    source: str,
    report: bool = True,
    extra_env: dict[str, str] | None = None,
) -> tuple[subprocess.Popen[bytes], float, float]:
    """Start `python -W default name` in `workdir`; `startup_dir` must hold the
    sitecustomize (and what `extra_env` asks it for: the loop's recorder). Returns the
    process, the wall clock and the perf_counter at launch."""
    env = child_environment(startup_dir, top_level_imports(source), report)
    env.update(extra_env or {})
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
        start_new_session=os.name == "posix",  # so a hang is stopped with its workers
    )
    return process, launched_wall, started


class Output:
    """A running program's stdout, line by line with the time each came, and its stderr,
    read by two threads; `echo` also writes each stdout line as it comes (the checker)."""

    def __init__(self, process: subprocess.Popen[bytes], started: float, echo=None) -> None:
        self.line_times: list[float] = []
        self.out_lines: list[bytes] = []
        self.err_chunks: list[bytes] = []
        self._process, self._started, self._echo = process, started, echo
        self._readers = [
            threading.Thread(target=f, daemon=True) for f in (self._stdout, self._stderr)
        ]
        for reader in self._readers:
            reader.start()

    def _stdout(self) -> None:
        for line in iter(self._process.stdout.readline, b""):
            self.line_times.append(time.perf_counter() - self._started)
            self.out_lines.append(line)
            if self._echo:
                self._echo(self.line_times[-1], line)

    def _stderr(self) -> None:
        self.err_chunks.append(self._process.stderr.read())

    def join(self) -> None:
        for reader in self._readers:
            reader.join(timeout=5)

    def text(self) -> tuple[str, str]:
        """stdout and stderr, decoded as a terminal would show them."""
        self._process.stdout.close()
        self._process.stderr.close()
        return (
            b"".join(self.out_lines).decode("utf-8", errors="replace"),
            b"".join(self.err_chunks).decode("utf-8", errors="replace"),
        )


def ended(marker: Path) -> tuple[float, float] | None:
    """When the program's last exit handler ran (wall clock), and the processor
    seconds it and its waited-for children had used by then; None if it never said."""
    try:
        ended_wall, cpu = map(float, marker.with_name(marker.name + ".end").read_text().split())
    except (OSError, ValueError):
        return None
    return ended_wall, cpu


def program_seconds(
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


def startup_seconds(marker: Path, launched_wall: float) -> float:
    """Seconds from launch until the interpreter was ready (0 if it never said)."""
    try:
        ready_wall = float(marker.read_text())
    except (OSError, ValueError):
        return 0.0
    return min(max(0.0, ready_wall - launched_wall), 5.0)


def kill(process: subprocess.Popen[bytes]) -> None:
    """Stop a program and what it started (its process group, on POSIX)."""
    if os.name == "posix":
        import signal

        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    else:
        process.kill()
    process.wait()
