"""Run a service until SIGINT or SIGTERM, give it a grace period, exit with the right status.

A standard-library-only recipe from Asyncio by Example, for Python 3.11+, on
Unix (Windows event loops have no `add_signal_handler`); the file works on its
own: copy it into your project.

`asyncio.run()` turns Ctrl-C into a cancellation of the main task and a
`KeyboardInterrupt`, and leaves SIGTERM, the signal that `docker stop`,
`systemctl stop` and Kubernetes send, to end the process at once with no
clean-up. [run][asyncio_recipes.graceful_shutdown.run] treats both alike: the
main task is cancelled, so its `finally` blocks and `async with` exits run,
within a grace period, and the process exits with a status that says what
happened. [exit_as_signalled][asyncio_recipes.graceful_shutdown.exit_as_signalled]
then ends the process the way the signal would have, once the clean-up is done.
"""

import asyncio
import os
import signal
import sys
import traceback
from collections.abc import Coroutine, Iterable
from typing import Any, NoReturn

__all__ = ["exit_as_signalled", "run"]

# Exit statuses besides 0 and a signal's 128 + number: the shell's conventions.
FAILED = 1

# The signal that stopped the last run() cleanly, for exit_as_signalled().
_stopped_by: signal.Signals | None = None


def run(
    main: Coroutine[Any, Any, object],
    *,
    grace: float = 10.0,
    signals: Iterable[signal.Signals] = (signal.SIGINT, signal.SIGTERM),
) -> int:
    """Run `main` until it ends or a signal arrives; return the exit status.

    Use it as `exit_as_signalled(run(main()))`, or `sys.exit(run(main()))` to
    exit with a status of 128 + N instead. On the first of `signals`, `main`'s task
    is cancelled and gets `grace` seconds to finish. Tasks `main` leaves behind
    are cancelled when it ends, within the same grace period.

    The status, for `sys.exit()`:

    - 0: `main` returned (an `int` it returns is used as the status instead);
    - 128 + the signal's number (130 for SIGINT, 143 for SIGTERM): stopped by a
      signal, and everything finished within the grace period, the status a
      shell reports for a process the signal ended (but an exit with this status
      is not the same as one by the signal: see `exit_as_signalled`);
    - 1: `main` raised an exception (its traceback is printed on stderr), or
      tasks were still running when the grace period ran out (they are named
      on stderr, then cancelled once more as `asyncio.run()` would).

    A second signal during the grace period cancels `main` again. A task that
    catches [asyncio.CancelledError][] and keeps going defeats any grace
    period: then only the supervisor's SIGKILL ends the process.

    Args:
        main: The coroutine that is the program, such as `main()`.
        grace: Seconds between the signal and giving up on the tasks.
        signals: The signals that stop `main`.

    Returns:
        The exit status.

    Examples:
        Without a signal, the status is `main`'s:

        ```py3
        import asyncio

        from asyncio_recipes.graceful_shutdown import run


        async def main() -> int:
            await asyncio.sleep(0.01)
            return 3


        print(run(main()))
        #> 3
        ```
    """
    global _stopped_by
    _stopped_by = None
    with asyncio.Runner() as runner:
        return runner.run(_supervise(main, grace, tuple(signals)))


def exit_as_signalled(status: int) -> NoReturn:
    """End the process with `status`, or by the signal, if `run` stopped cleanly for one.

    A process that exits with status 143 has not, for its parent, been ended by
    SIGTERM: Python's `subprocess` reports 143, not -15, and systemd counts a
    death by SIGTERM or SIGINT as a clean stop but status 143 as a failure. So
    when `status` is the 128 + N that `run` returned for signal N, this restores
    N's default action and sends N to the process itself, which ends it the way
    the signal would have without a handler (CPython does the same after an
    unhandled `KeyboardInterrupt`). Any other status goes to `sys.exit()`.

    Call it last: the process ends at once, so `atexit` functions do not run
    (standard output and standard error are flushed first). Where the signal
    cannot end the process, as PID 1 of a container, which the kernel shields
    from default actions, it exits with `status` instead.

    Args:
        status: The status `run` returned.
    """
    if _stopped_by is not None and status == 128 + _stopped_by:
        sys.stdout.flush()
        sys.stderr.flush()
        signal.signal(_stopped_by, signal.SIG_DFL)
        os.kill(os.getpid(), _stopped_by)
    sys.exit(status)


async def _supervise(
    main: Coroutine[Any, Any, object], grace: float, signals: tuple[signal.Signals, ...]
) -> int:
    loop = asyncio.get_running_loop()
    task = asyncio.create_task(main, name="main")
    received: list[signal.Signals] = []
    signalled = asyncio.Event()

    def on_signal(signum: signal.Signals) -> None:
        received.append(signum)
        signalled.set()
        task.cancel()

    for signum in signals:
        loop.add_signal_handler(signum, on_signal, signum)
    try:
        # wait() never cancels what it waits for: main ends by itself or by on_signal.
        waiter = asyncio.create_task(signalled.wait())
        await asyncio.wait({task, waiter}, return_when=asyncio.FIRST_COMPLETED)
        waiter.cancel()
        # The grace period starts at the signal, or when main returned by itself.
        deadline = loop.time() + grace
        if not task.done():
            await asyncio.wait({task}, timeout=grace)
        # What main left behind (fire-and-forget tasks) is cancelled too.
        others = asyncio.all_tasks() - {asyncio.current_task(), task}
        for other in others:
            other.cancel()
        _, pending = await asyncio.wait(others | {task}, timeout=max(0.0, deadline - loop.time()))
        if pending:
            names = ", ".join(sorted(t.get_name() for t in pending))
            print(f"still running after the {grace} s grace period: {names}", file=sys.stderr)
            return FAILED
        for other in others:
            if not other.cancelled() and other.exception() is not None:
                _print_exception(other.exception())
        return _status(task, received)
    finally:
        for signum in signals:
            loop.remove_signal_handler(signum)


def _status(task: asyncio.Task[object], received: list[signal.Signals]) -> int:
    global _stopped_by
    if not task.cancelled() and (error := task.exception()) is not None:
        _print_exception(error)
        return FAILED
    if received:
        _stopped_by = received[0]
        return 128 + received[0]
    if task.cancelled():
        return FAILED  # cancelled, but not by a signal: nobody asked main to stop
    result = task.result()
    return result if isinstance(result, int) else 0


def _print_exception(error: BaseException) -> None:
    traceback.print_exception(type(error), error, error.__traceback__, file=sys.stderr)
