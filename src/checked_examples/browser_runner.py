"""Run one example inside Pyodide as `python file.py` runs it, and judge the run with the
suite's judge: the Run button's Python side.

The Web Worker (docs/assets/run/run-worker.mjs, through engine.mjs) imports this module
once, then calls `run` for each example a reader runs on the page, one after another in
the same interpreter, and `judge_run` on what it did. Each program is a file of its own,
run as a fresh `__main__` module, and its clock starts once the modules it imports at its
top are loaded, as the example suite starts it (run/runner.py): loading a module is
processor work, slow on a phone, and no lesson.

One thing of Pyodide's is put back as CPython has it while a program runs: its
`asyncio.run` runs the coroutine on Pyodide's one shared event loop and stops there,
so tasks left running are never cancelled, async generators never closed, and every
`asyncio.run` call gets the same loop. Several lessons are about exactly that clean-up,
so `asyncio.run` here does what CPython's does (asyncio/runners.py), on a new loop of
Pyodide's own kind (a WebLoop, driven by the browser's timers).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import importlib
import json
import os
import sys
import traceback
import types
import warnings
from functools import wraps

from . import loop_trace
from .judge import Observed, Promise, judge
from .output_block import OutputBlock
from .program import top_level_imports

WORKDIR = "/tmp/examples"


_pyodide_run = asyncio.run


@wraps(_pyodide_run)
def run_as_cpython_does(main, *, debug=None, loop_factory=None):
    """CPython's asyncio.run (Runner.run, then Runner.close) on a new WebLoop."""
    if asyncio.events._get_running_loop() is not None:
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    loop = loop_factory() if loop_factory else asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    if debug is not None:
        loop.set_debug(debug)
    try:
        return loop.run_until_complete(loop.create_task(main))
    finally:
        try:
            asyncio.runners._cancel_all_tasks(loop)  # CPython's own code, 3.14's stdlib
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            loop.close()


def run(source: str, name: str, started, ended, trace: bool = False) -> int:
    """Run `source` as the file `name`; call `started()` when its clock starts and
    `ended()` when the program is done, before what teardown would collect. With `trace`,
    record the event loop's story as the suite does (loop_trace.py): `last_trace()`.

    Returns the exit status `python file.py` would have: 0, 1 after an uncaught
    exception (its traceback printed on stderr), or SystemExit's code.
    """
    os.makedirs(WORKDIR, exist_ok=True)
    os.chdir(WORKDIR)
    path = os.path.join(WORKDIR, name)
    with open(path, "w", encoding="utf-8") as file:
        file.write(source)  # so that a traceback shows the program's lines
    for module in top_level_imports(source):
        with contextlib.suppress(Exception):  # the program's own import says what is wrong
            importlib.import_module(module)
    # As the suite runs them (python -W default): every warning shown once.
    warnings.resetwarnings()
    warnings.simplefilter("default")
    main = types.ModuleType("__main__")
    main.__file__ = path
    previous_main = sys.modules["__main__"]
    sys.modules["__main__"] = main
    asyncio.run = run_as_cpython_does
    # As in `python file.py`, no loop runs when the program starts (Pyodide registers
    # its shared loop as running, and asyncio.Runner would refuse to start).
    asyncio.events._set_running_loop(None)
    global _last_trace
    _last_trace = None
    if trace:
        loop_trace.install(path, loop_classes=_loop_classes())
    started()
    try:
        exec(compile(source, path, "exec"), main.__dict__)
        status = 0
    except SystemExit as stop:
        status = _exit_status(stop.code)
    except BaseException as error:  # printed as the interpreter prints it
        # Leave out this frame: the reader's traceback starts in their program.
        traceback.print_exception(error.with_traceback(error.__traceback__.tb_next))
        status = 1
    finally:
        sys.stdout.flush()
        ended()
        if trace:
            _last_trace = loop_trace.stop()
        asyncio.run = _pyodide_run
        sys.modules["__main__"] = previous_main
        main.__dict__.clear()
        # What the interpreter's teardown would collect (a pending task's "Task was
        # destroyed" message) is collected now, while its output is still shown.
        gc.collect()
        sys.stdout.flush()
        sys.stderr.flush()
    return status


_last_trace: dict | None = None


def last_trace() -> str | None:
    """The event loop's story of the last run made with `trace=True`, as the trace file
    holds it (JSON; the format: loop_trace.py), or None."""
    return None if _last_trace is None else loop_trace.dumps(_last_trace)


def _loop_classes() -> tuple[type, ...]:
    """Pyodide's event loop class, whose create_task the recorder watches too."""
    try:
        from pyodide.webloop import WebLoop
    except ImportError:  # not in Pyodide: asyncio's own loops are watched anyway
        return ()
    return (WebLoop,)


def _exit_status(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def judge_run(promise: str, observed: str) -> str:
    """The judge's findings on one run, as JSON: what the page declares (`promise`: the
    output block's lines and its times= text, the fence's settings) and what the run did
    (`observed`), both JSON from run-button.mjs."""
    page, did = json.loads(promise), json.loads(observed)
    times, times_error = OutputBlock.parse_times(page["times"])
    findings = judge(
        Promise(
            lines=None if page["lines"] is None else tuple(page["lines"]),
            times=None if times is None else tuple(times),
            times_error=times_error,
            duration=page["duration"],
            tolerance=page["tolerance"],
            raises=page["raises"],
            warns=tuple(page["warns"]),
        ),
        Observed.from_browser(did),
    )
    return json.dumps([finding.as_dict() for finding in findings])
