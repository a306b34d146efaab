"""graceful_shutdown.run: real signals sent to a real child process, real exit statuses.

Each test writes a small program that uses the recipe, starts it with this
Python, waits for it to say it is ready, sends the signal, and reads its exit
status and output. Every wait has a timeout, so a program that hangs fails the
test instead of blocking the suite.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from checked_examples.paths import ROOT

SRC = ROOT / "src"
TIMEOUT = 10  # seconds; every program here ends well within one

POPEN = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "text": True}

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Unix signals")

SERVICE = """
import asyncio
import sys

from asyncio_recipes.graceful_shutdown import exit_as_signalled, run

{extra}

async def main():
    {body}

{exit}(run(main(), grace={grace}))
"""


def start(
    tmp_path: Path, body: str, *, extra: str = "", grace: float = 5.0, exit: str = "sys.exit"
):
    program = tmp_path / "service.py"
    body = textwrap.indent(textwrap.dedent(body).strip(), "    ").lstrip()
    program.write_text(
        SERVICE.format(body=body, extra=textwrap.dedent(extra), grace=grace, exit=exit)
    )
    environment = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.Popen([sys.executable, str(program)], **POPEN, env=environment)


def wait_until_ready(process: subprocess.Popen) -> None:
    """Read the program's first line, `ready`, which it prints once its handlers are set."""
    ready, _, _ = select.select([process.stdout], [], [], TIMEOUT)
    if not ready:
        process.kill()
        pytest.fail(f"printed nothing in {TIMEOUT} s: {process.communicate()}")
    line = process.stdout.readline()
    assert line == "ready\n", f"expected 'ready', got {line!r}; stderr: {process.stderr.read()}"


def finish(process: subprocess.Popen) -> tuple[int, str, str]:
    try:
        out, err = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        pytest.fail(f"still running after {TIMEOUT} s: it hung\nstdout: {out}\nstderr: {err}")
    return process.returncode, out, err


WAITS_FOR_A_SIGNAL = """
print("ready", flush=True)
try:
    await asyncio.Event().wait()
finally:
    await asyncio.sleep(0.05)  # clean-up that awaits, inside the grace period
    print("main: cleaned up", flush=True)
"""


@pytest.mark.parametrize(
    ("signum", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)], ids=["TERM", "INT"]
)
def test_a_signal_cancels_main_which_cleans_up_and_exits_128_plus_the_signal(
    tmp_path: Path, signum: signal.Signals, status: int
) -> None:
    process = start(tmp_path, WAITS_FOR_A_SIGNAL)
    wait_until_ready(process)
    process.send_signal(signum)
    code, out, err = finish(process)
    assert (code, out, err) == (status, "main: cleaned up\n", "")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["TERM", "INT"])
def test_exit_as_signalled_ends_the_process_by_the_signal_after_the_clean_up(
    tmp_path: Path, signum: signal.Signals
) -> None:
    process = start(tmp_path, WAITS_FOR_A_SIGNAL, exit="exit_as_signalled")
    wait_until_ready(process)
    process.send_signal(signum)
    code, out, err = finish(process)
    # A negative return code: the parent sees a death by the signal, not a status.
    assert (code, out, err) == (-signum, "main: cleaned up\n", "")


def test_exit_as_signalled_exits_with_main_s_status_when_no_signal_came(
    tmp_path: Path,
) -> None:
    process = start(tmp_path, "return 130", exit="exit_as_signalled")
    assert finish(process) == (130, "", "")


def test_tasks_main_left_behind_are_cancelled_and_awaited(tmp_path: Path) -> None:
    extra = """
    async def background():
        try:
            await asyncio.Event().wait()
        finally:
            await asyncio.sleep(0.05)
            print("background: cleaned up", flush=True)

    TASKS = set()
    """
    body = """
    TASKS.add(asyncio.create_task(background()))
    print("ready", flush=True)
    await asyncio.Event().wait()
    """
    process = start(tmp_path, body, extra=extra)
    wait_until_ready(process)
    process.send_signal(signal.SIGTERM)
    assert finish(process) == (143, "background: cleaned up\n", "")


def test_a_main_that_outlives_the_grace_period_exits_1_at_its_end(tmp_path: Path) -> None:
    body = """
    print("ready", flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await asyncio.sleep(60)  # a clean-up far longer than the grace period
    """
    process = start(tmp_path, body, grace=0.3)
    wait_until_ready(process)
    process.send_signal(signal.SIGTERM)
    code, out, err = finish(process)  # within TIMEOUT: not after the 60 s clean-up
    assert (code, out) == (1, "")
    assert err == "still running after the 0.3 s grace period: main\n"


def test_without_a_signal_the_status_is_what_main_returns(tmp_path: Path) -> None:
    process = start(tmp_path, 'print("ready", flush=True)\nreturn 7')
    wait_until_ready(process)
    assert finish(process) == (7, "", "")


def test_a_main_that_returns_none_exits_0(tmp_path: Path) -> None:
    process = start(tmp_path, 'print("ready", flush=True)\nawait asyncio.sleep(0.01)')
    wait_until_ready(process)
    assert finish(process) == (0, "", "")


def test_a_main_that_raises_exits_1_with_its_traceback(tmp_path: Path) -> None:
    process = start(tmp_path, 'print("ready", flush=True)\nraise LookupError("no such user")')
    wait_until_ready(process)
    code, out, err = finish(process)
    assert (code, out) == (1, "")
    assert err.startswith("Traceback (most recent call last):")
    assert err.endswith("LookupError: no such user\n")


def test_after_run_the_signals_have_their_default_handlers_again(tmp_path: Path) -> None:
    program = tmp_path / "after_run.py"
    program.write_text(
        textwrap.dedent("""
        import asyncio
        import signal

        from asyncio_recipes.graceful_shutdown import run

        run(asyncio.sleep(0))
        print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
        print(signal.getsignal(signal.SIGTERM) is signal.SIG_DFL)
        """)
    )
    process = subprocess.Popen(
        [sys.executable, str(program)], **POPEN, env={**os.environ, "PYTHONPATH": str(SRC)}
    )
    assert finish(process) == (0, "True\nTrue\n", "")
