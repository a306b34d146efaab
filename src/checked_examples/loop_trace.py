"""Record the event loop's story while an example runs: its tasks, and each turn of the
loop that ran a step of one of them (`Recorder.story()`; written one task or turn a line
by `dumps()` into examples/<page>/<lesson>.trace.json, compared by trace.py;
CONTRIBUTING.md, "Trace an example").

Loaded into the example's process the way the network guard is, never into the program a
reader copies: the suite copies this file beside the child's `sitecustomize`, which calls
`install()` just before the program's clock starts and `write()` after its last exit
handler; the Run button (browser_runner.py) does the same inside Pyodide. Standard library
only, and no import of its package: it runs alone on the child's path.

How, on every Python from 3.11 (no sys.monitoring, which 3.11 lacks and which would see
every line rather than every step):

- A task's step is always a callback the loop runs through `asyncio.Handle._run`, C tasks
  and Python tasks alike: its callback is the task's step (C: `TaskStepMethWrapper`,
  Python: `Task.__step`) or wake-up (`task_wakeup`, `Task.__wakeup`), and both expose the
  task as `__self__`. So wrapping `Handle._run` sees every step, and which task it is,
  without touching the task.
- Where a task resumed and where it stopped: its coroutine's `cr_await` chain, down to the
  innermost frame whose code is in the example file, read before and after the step.
- Creation and parent: `create_task` of the loop's class is wrapped (asyncio.create_task,
  ensure_future, gather, TaskGroup and run_until_complete all go through it), and the
  parent is the task current at that moment. A task made some other way
  (`asyncio.Task(...)` by hand) is registered at its first step, with no creation time.
- A task whose coroutine is not a function of the example (asyncio.run's shutdown of async
  generators and of the executor) is asyncio's own: it is not recorded, and neither are
  its turns. So the story is the same on every Python: they differ in those tasks (and in
  the numbers of automatic names "Task-N", which is why tasks are told apart by `id`).
- Eager tasks (3.12+, `eager_task_factory` or `eager_start=True`): their first step runs
  inside `create_task`, in the creator's turn, not through the loop; it is recorded as a
  turn of its own marked `"eager": true`, after the creator's turn (the creator's `ran`
  includes it), and the task as `"eager": true`.
- 3.14's call graph (`asyncio.capture_call_graph`) walks the same `cr_await` chain this
  reads; it is not needed, so one code path serves 3.11 to 3.15. An `async for` awaits a
  step object of the generator that names it only to the garbage collector
  (`gc.get_referents`), through which the walk reaches the generator's frame.
- What else was ready: the loop's own queue (`_ready`) at the start of the turn. Pyodide's
  WebLoop has none (each callback is a browser timer): there the task steps its
  `call_soon` queued and that have not run yet stand for it.

Nothing here changes what the program does: no callback is added to any task or future
(a done callback would be an extra turn), tasks are held weakly (a pending task destroyed
at exit still says so), and a task's exception is read from `_exception`, never through
`exception()`, which would mark it retrieved and silence "Task exception was never
retrieved".

Cost, measured with `measure()` on this project's 2-core machine while it was shared
(load average 11 to 13), best of 7, CPython 3.11.7, 3.12.1 and 3.13.0: a turn of the loop
takes 2 to 9 microseconds bare; recording adds 6 to 25 microseconds to each turn of one
task, and 18 to 32 with ten tasks ready at once (each turn reads the ready queue). The
traced examples take 2 to 29 turns, so a run gains well under a millisecond: the longest,
semaphores/semaphore_allows_three_fetches_at_a_time (4 s, 29 turns), ended at a median
4.043 s recorded and 4.045 s bare (6 runs each, side by side), its last line at 4.043 and
4.047 s; the queue example (2.5 s, 14 turns) at 2.524 and 2.518 s. Within the machine's
noise either way. Nothing is done at start-up but two patches; the program's source is
read (for `waits_on`) only after it ran.
"""

from __future__ import annotations

import ast
import asyncio
import gc
import json
import linecache
import os
import sys
import time
import weakref

VERSION = 1
ENVIRONMENT_VARIABLE = "EXAMPLE_HARNESS_TRACE"  # where the suite's child writes its trace

_recorder: Recorder | None = None
# What `async for` and an async generator's aclose() await: a step of the generator.
_ASYNC_GENERATOR_STEPS = frozenset({"async_generator_asend", "async_generator_athrow"})


class Recorder:
    """The story of one run of the program at `program` (its path)."""

    def __init__(self, program: str, clock=time.perf_counter) -> None:
        self.program = os.path.abspath(program)
        self.clock = clock
        self.started = clock()
        self.tasks: list[dict] = []
        self.turns: list[dict] = []
        # Each task seen, by id(): its number, 0 for asyncio's own. An entry leaves when
        # its task is freed (a finalizer), so a later object at that address is not taken
        # for it; tasks are never held, or one destroyed while pending would not say so.
        self._ids: dict[int, int] = {}
        self._ours: dict[str, bool] = {}
        self._awaits: dict[int, str] | None = None
        # Task steps queued by a watched loop class's call_soon, not run yet (in order).
        self.queued: dict = {}

    # What is the example's own.

    def ours(self, code) -> bool:
        filename = code.co_filename
        known = self._ours.get(filename)
        if known is None:
            known = self._ours[filename] = os.path.abspath(filename) == self.program
        return known

    def where(self, coro) -> int | None:
        """The line of the innermost frame of the example on the coroutine's await chain."""
        line = None
        while coro is not None:
            if type(coro).__name__ in _ASYNC_GENERATOR_STEPS:
                # `async for` awaits the generator's step object, which names the generator
                # only to the garbage collector; the generator's own frame comes next.
                coro = next((r for r in gc.get_referents(coro) if hasattr(r, "ag_frame")), None)
                continue
            frame = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None)
            if frame is None:
                frame = getattr(coro, "ag_frame", None)
            if frame is not None and self.ours(frame.f_code):
                line = frame.f_lineno
            coro = (
                getattr(coro, "cr_await", None)
                or getattr(coro, "gi_yieldfrom", None)
                or getattr(coro, "ag_await", None)
            )
        return line

    def now(self) -> float:
        return self.clock() - self.started  # rounded in story(), not in the loop's time

    # Tasks.

    def task_id(self, task, *, parent=None, created: float | None = None, coro=None) -> int | None:
        """The task's id, registering it on first sight; None for asyncio's own tasks.
        `coro`: the coroutine it was made with (an eager task that finished inside
        create_task no longer holds it: get_coro() is None)."""
        known = self._ids.get(id(task))
        if known is not None:
            return known or None
        coro = task.get_coro() if coro is None else coro  # see begin(): never when eager
        code = getattr(coro, "cr_code", None) or getattr(coro, "gi_code", None)
        number = len(self.tasks) + 1 if code is not None and self.ours(code) else 0
        self._ids[id(task)] = number
        weakref.finalize(task, self._ids.pop, id(task), None).atexit = False
        if not number:
            return None
        self.tasks.append(
            {
                "id": number,
                "name": task.get_name(),
                "coro": code.co_name,
                "parent": None if parent is None else (self._ids.get(id(parent)) or None),
                "created": created,
                "done": None,
                "outcome": None,
            }
        )
        return number

    def noted_done(self, task, number: int) -> None:
        record = self.tasks[number - 1]
        record["name"] = task.get_name()  # TaskGroup names it after creating it (3.11, 3.12)
        if record["done"] is None and task.done():
            record["done"] = self.now()
            if task.cancelled():
                record["outcome"] = "cancelled"
            else:  # not task.exception(): that would mark the exception as retrieved
                error = getattr(task, "_exception", None)
                record["outcome"] = "result" if error is None else "exception"

    def ready(self, loop, current) -> list[int]:
        """Tasks of the example whose step is queued to run, in queue order: the loop's
        own queue (asyncio's loops), or the steps its `call_soon` queued and that have not
        run yet (a loop that hands each callback to the browser's timers: Pyodide's)."""
        queue = getattr(loop, "_ready", None)
        if queue is None:
            for handle in [handle for handle in self.queued if handle._cancelled]:
                del self.queued[handle]  # it will never run
            queue = self.queued
        found, ids = [], self._ids
        for handle in queue:  # nothing runs meanwhile that could change it
            task = getattr(handle._callback, "__self__", None)
            if task is None or task is current:
                continue
            number = ids.get(id(task))
            if number is None:
                if not isinstance(task, asyncio.Task):
                    continue  # a callback bound to something else (a future, a protocol)
                number = self.task_id(task)
            if number and not handle._cancelled:
                found.append(number)
        return found

    def begin(self, task, number: int, loop, eager: bool = False) -> dict:
        turn = {
            "at": self.now(),
            "task": number,
            # Not asked of an eager task: it has run already (create_task says where), and
            # if it finished there, get_coro() crashes CPython 3.12.1 (its coroutine is gone).
            "resumed": None if eager else self.where(task.get_coro()),
            "suspended": None,
            "ran": None,
            "ready": [] if eager else self.ready(loop, task),
            "waits_on": None,
        }
        if eager:
            turn["eager"] = True
        self.turns.append(turn)
        return turn

    def end(self, turn: dict, task, number: int, began: float) -> None:
        turn["ran"] = self.clock() - began
        self.noted_done(task, number)
        if not task.done():
            turn["suspended"] = self.where(task.get_coro())

    def awaited(self, line: int) -> str | None:
        """The source of the await at `line`, on one line (a gather's arguments over
        several lines included); the stripped line where there is no await expression
        (async with, async for)."""
        if self._awaits is None:
            self._awaits = {}
            try:
                source = "".join(linecache.getlines(self.program))
                for node in ast.walk(ast.parse(source)):
                    if isinstance(node, ast.Await) and node.lineno not in self._awaits:
                        text = ast.get_source_segment(source, node) or ""
                        self._awaits[node.lineno] = (
                            " ".join(part.strip() for part in text.splitlines())
                            .replace("( ", "(")
                            .replace(", )", ")")
                            .replace(" )", ")")
                        )
            except (SyntaxError, ValueError):
                pass
        return self._awaits.get(line) or linecache.getline(self.program, line).strip() or None

    def story(self) -> dict:
        # The source of each await is read now, after the run: parsing the program
        # during it would take its time.
        for turn in self.turns:
            turn["at"] = round(turn["at"], 4)
            if turn["ran"] is not None:  # None: the step never returned (os._exit)
                turn["ran"] = round(turn["ran"], 6)
            if turn["suspended"] is not None:
                turn["waits_on"] = self.awaited(turn["suspended"])
        for task in self.tasks:
            for key in ("created", "done"):
                if task[key] is not None:
                    task[key] = round(task[key], 4)
        return {
            "version": VERSION,
            "python": "{}.{}".format(*sys.version_info[:2]),
            "tasks": self.tasks,
            "turns": self.turns,
        }


def _run_recording(original):
    def _run(self):
        recorder = _recorder
        task = getattr(self._callback, "__self__", None)
        if recorder is None or not isinstance(task, asyncio.Task):
            return original(self)
        if recorder.queued:
            recorder.queued.pop(self, None)
        number = recorder.task_id(task)
        if number is None:
            return original(self)
        turn = recorder.begin(task, number, asyncio.events._get_running_loop())
        began = recorder.clock()
        try:
            return original(self)
        finally:
            recorder.end(turn, task, number, began)

    _run.__wrapped__ = original
    return _run


def _create_task_recording(original):
    def create_task(self, coro, *args, **kwargs):
        recorder = _recorder
        if recorder is None:
            return original(self, coro, *args, **kwargs)
        parent = asyncio.current_task(self) if self.is_running() else None
        at = recorder.now()
        first_line = recorder.where(coro)
        began = recorder.clock()
        task = original(self, coro, *args, **kwargs)
        number = recorder.task_id(task, parent=parent, created=at, coro=coro)
        if number is not None and _ran_eagerly(coro):
            recorder.tasks[number - 1]["eager"] = True
            turn = recorder.begin(task, number, self, eager=True)
            turn["at"], turn["resumed"] = at, first_line
            recorder.end(turn, task, number, began)
        return task

    create_task.__wrapped__ = original
    return create_task


def _call_soon_recording(original):
    def call_soon(self, callback, *args, **kwargs):
        handle = original(self, callback, *args, **kwargs)
        recorder = _recorder
        if recorder is not None and isinstance(getattr(callback, "__self__", None), asyncio.Task):
            recorder.queued[handle] = None
        return handle

    call_soon.__wrapped__ = original
    return call_soon


def _ran_eagerly(coro) -> bool:
    """Whether the coroutine has already run (an eager task's first step): it is
    suspended, or finished (inspect.getcoroutinestate's test, without importing it)."""
    frame = getattr(coro, "cr_frame", None)
    return frame is None or bool(getattr(coro, "cr_suspended", False))


def install(program: str, loop_classes=()) -> Recorder:
    """Start recording the story of the program at `program`; `loop_classes`: event loop
    classes beside asyncio's own whose `create_task` to watch (Pyodide's WebLoop)."""
    global _recorder
    handle = asyncio.events.Handle
    if not hasattr(handle._run, "__wrapped__"):
        handle._run = _run_recording(handle._run)
    for cls in (asyncio.BaseEventLoop, *loop_classes):
        if "create_task" in vars(cls) and not hasattr(cls.create_task, "__wrapped__"):
            cls.create_task = _create_task_recording(cls.create_task)
    for cls in loop_classes:  # no queue of their own to read: their call_soon is watched
        if "call_soon" in vars(cls) and not hasattr(cls.call_soon, "__wrapped__"):
            cls.call_soon = _call_soon_recording(cls.call_soon)
    _recorder = Recorder(program)
    return _recorder


def stop() -> dict | None:
    """Stop recording; the story so far, or None if nothing was recording."""
    global _recorder
    recorder, _recorder = _recorder, None
    return None if recorder is None else recorder.story()


def dumps(story: dict) -> str:
    """A story as the trace file holds it: one task or turn per line, so a diff of two
    recordings reads turn by turn."""
    lines = ["{"]
    lines.append(f'  "version": {json.dumps(story["version"])},')
    if "example" in story:
        lines.append(f'  "example": {json.dumps(story["example"])},')
    lines.append(f'  "python": {json.dumps(story["python"])},')
    for key in ("tasks", "turns"):
        rows = [f"    {json.dumps(row, separators=(', ', ': '))}" for row in story[key]]
        closing = "]," if key == "tasks" else "]"
        if rows:
            lines += [f'  "{key}": [', ",\n".join(rows), f"  {closing}"]
        else:
            lines.append(f'  "{key}": []{closing[1:]}')
    lines.append("}")
    return "\n".join(lines) + "\n"


def write(path: str) -> None:
    """Stop recording and write the story to `path` (the suite's child, at exit)."""
    story = stop()
    if story is not None:
        with open(path, "w", encoding="utf-8") as file:
            file.write(dumps(story))


_BENCH = """\
import asyncio


async def spin(turns):
    for _ in range(turns):
        await asyncio.sleep(0)


async def main(tasks, turns):
    await asyncio.gather(*(spin(turns) for _ in range(tasks)))
"""


def measure(tasks: int = 10, turns: int = 2000, repeat: int = 5) -> dict:
    """What recording adds to one turn of the loop, in microseconds: the best of `repeat`
    runs of `tasks` tasks each taking `turns` turns (`await asyncio.sleep(0)`), with and
    without the recorder. `python -c "from checked_examples import loop_trace;
    print(loop_trace.measure())"`."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "bench.py")
        with open(path, "w", encoding="utf-8") as file:
            file.write(_BENCH)
        code = compile(_BENCH, path, "exec")
        namespace: dict = {"__name__": "bench"}
        exec(code, namespace)
        linecache.checkcache(path)

        def best(recording: bool) -> float:
            times = []
            for _ in range(repeat):
                if recording:
                    install(path)
                began = time.perf_counter()
                asyncio.run(namespace["main"](tasks, turns))
                times.append(time.perf_counter() - began)
                if recording:
                    stop()
            return min(times)

        count = tasks * (turns + 1) + 2
        bare, recorded = best(False), best(True)
    return {
        "python": sys.version.split()[0],
        "turns": count,
        "bare_us_per_turn": round(bare / count * 1e6, 2),
        "recorded_us_per_turn": round(recorded / count * 1e6, 2),
        "added_us_per_turn": round((recorded - bare) / count * 1e6, 2),
    }
