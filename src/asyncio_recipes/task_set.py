"""Fire-and-forget tasks that are kept, heard from, and stopped: a task set.

A standard-library-only recipe from Asyncio by Example, for Python 3.11+; the
file works on its own: copy it into your project.

The event loop keeps only weak references to tasks, so a task nobody holds can
be garbage-collected in the middle of its work, and the exception of a task
nobody awaits is logged late or never. A [TaskSet][asyncio_recipes.task_set.TaskSet]
holds every task it starts until the task ends, reports each failure when it
happens, and on [close()][asyncio_recipes.task_set.TaskSet.close] gives the tasks a
grace period, then cancels and awaits whatever is left.
"""

import asyncio
import logging
from collections.abc import Callable, Coroutine
from types import TracebackType
from typing import Any, TypeVar

__all__ = ["TaskSet"]

T = TypeVar("T")

ErrorHandler = Callable[[asyncio.Task[Any], BaseException], None]


class TaskSet:
    """Background tasks with strong references, reported failures and a clean close.

    Use it as `async with TaskSet() as tasks:` (the block's end closes it), or
    call [close()][asyncio_recipes.task_set.TaskSet.close] yourself.

    Examples:
        A failure is reported as soon as it happens (here by a callback); closing
        cancels the task that is still running, after a grace period of 0.

        ```py3
        import asyncio

        from asyncio_recipes.task_set import TaskSet


        async def forever(log: list[str]) -> None:
            try:
                await asyncio.Event().wait()
            finally:
                log.append("forever: cancelled, cleaning up")


        async def fail() -> None:
            raise ValueError("bad input")


        def report(task: asyncio.Task, error: BaseException) -> None:
            print(f"{task.get_name()} failed: {error!r}")
            #> fail failed: ValueError('bad input')


        async def main() -> None:
            log: list[str] = []
            async with TaskSet(on_error=report) as tasks:
                tasks.spawn(forever(log), name="forever")
                tasks.spawn(fail(), name="fail")
                await asyncio.sleep(0.01)
                print(len(tasks), "task still running")
                #> 1 task still running
            print(log, len(tasks))
            #> ['forever: cancelled, cleaning up'] 0


        asyncio.run(main())
        ```
    """

    def __init__(
        self,
        *,
        on_error: ErrorHandler | None = None,
        logger: logging.Logger | None = None,
        grace: float = 0.0,
    ) -> None:
        """A task set that reports failures to `on_error`, or else to `logger`.

        Args:
            on_error: Called as `on_error(task, exception)` when a task ends with
                an exception other than cancellation, right when it ends.
            logger: Where failures are logged (with their traceback) when there
                is no `on_error`; by default the logger named after this module.
            grace: Seconds `async with` gives the tasks to finish on their own
                when the block ends, before cancelling them.
        """
        self._tasks: set[asyncio.Task[Any]] = set()
        self._on_error = on_error
        self._logger = logger or logging.getLogger(__name__)
        self._grace = grace
        self._closed = False

    def spawn(self, coro: Coroutine[Any, Any, T], *, name: str | None = None) -> asyncio.Task[T]:
        """Start `coro` as a task and hold it until it ends.

        Args:
            coro: The coroutine to run.
            name: The task's name, shown in reports and by [asyncio.Task.get_name][].

        Returns:
            The task; keeping it is not required.

        Raises:
            RuntimeError: The set is closing or closed (the coroutine is closed,
                so it does not warn that it was never awaited).
        """
        if self._closed:
            coro.close()
            raise RuntimeError("this TaskSet is closed: it starts no more tasks")
        task = asyncio.create_task(coro, name=name)
        # The strong reference: the event loop itself holds tasks only weakly.
        self._tasks.add(task)
        task.add_done_callback(self._on_done)
        return task

    def _on_done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        error = task.exception()  # retrieved, so asyncio does not log it again later
        if error is None:
            return
        if self._on_error is not None:
            self._on_error(task, error)
        else:
            self._logger.error("background task %s failed", task.get_name(), exc_info=error)

    def __len__(self) -> int:
        """How many tasks are still running."""
        return len(self._tasks)

    async def close(self, grace: float = 0.0) -> None:
        """Stop: start no more tasks, wait up to `grace` seconds, cancel the rest, await them.

        Returns when every task has ended, and if `close()` itself is cancelled
        during the grace period, it still cancels and awaits the tasks before
        the cancellation propagates. A task that catches
        [asyncio.CancelledError][] and goes on keeps `close()` waiting: that is a
        bug in the task, and no grace period can fix it.

        Args:
            grace: Seconds the running tasks get to finish on their own first.
        """
        self._closed = True
        try:
            if self._tasks and grace > 0:
                await asyncio.wait(set(self._tasks), timeout=grace)
        finally:
            # Also when close() itself is cancelled during the grace: no task is left.
            while self._tasks:
                # A task may catch the cancellation and await more, and a done callback
                # runs one loop iteration after its task: loop until every one has gone.
                pending = set(self._tasks)
                for task in pending:
                    task.cancel()
                await asyncio.wait(pending)

    async def __aenter__(self) -> "TaskSet":
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close(self._grace if exc_type is None else 0.0)
