"""Run one example as a reader would: `python file.py`, in a folder of its own.

The program runs in a child process, not inside pytest: only then is its
stdout the real interleaving of its coroutines, its warnings and asyncio's
logged errors reach stderr as they would in a terminal, and a program that
hangs can be stopped.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

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


@dataclass
class Run:
    stdout: str = ""
    stderr: str = ""
    line_times: list[float] = field(default_factory=list)  # seconds from start, per line
    returncode: int | None = None
    seconds: float = 0.0
    timed_out: bool = False


def child_environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _SCRUBBED}
    env.update(
        PYTHONUNBUFFERED="1",  # each line reaches us when it is printed, not at exit
        PYTHONHASHSEED="0",  # set iteration order is part of some outputs
        PYTHONIOENCODING="utf-8",
        PYTHON_COLORS="0",
        NO_COLOR="1",
    )
    return env


def run_program(source: str, name: str, workdir: Path, timeout: float) -> Run:
    """Write `source` to `workdir/name` and run it with this interpreter."""
    program = workdir / name
    program.write_text(source, encoding="utf-8")
    run = Run()
    started = time.perf_counter()
    # -W default shows every warning once, ResourceWarning included, which a
    # plain run hides: the suite must see what a careless program leaks.
    process = subprocess.Popen(
        [sys.executable, "-W", "default", name],
        cwd=workdir,
        env=child_environment(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # so a hang is stopped with its worker processes
    )
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
    run.seconds = time.perf_counter() - started
    for reader in readers:
        reader.join(timeout=5)
    process.stdout.close()
    process.stderr.close()
    run.stdout = b"".join(out_lines).decode("utf-8", errors="replace")
    run.stderr = b"".join(err_chunks).decode("utf-8", errors="replace")
    run.stderr = run.stderr.replace(str(workdir) + os.sep, "")
    return run


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
