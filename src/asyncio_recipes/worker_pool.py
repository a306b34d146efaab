"""A worker pool on a bounded asyncio.Queue: N workers, backpressure, clean shutdown.

A standard-library-only recipe from Asyncio by Example, for Python 3.11+; the
file works on its own: copy it into your project.

Producers [put()][asyncio_recipes.worker_pool.WorkerPool.put] items; `workers`
tasks take them and await `handler(item)`. The queue holds at most `maxsize`
items, so a producer faster than the workers waits: memory stays bounded. When
the `async with` block ends, the workers finish what is queued and stop. When a
handler fails, the pool stops at once and the error comes out of the block.

Stopping uses [asyncio.Queue.shutdown][] on Python 3.13 and newer; on 3.11 and
3.12, which do not have it, one stop marker per worker, put behind the items.
"""

import asyncio
from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import Any, Generic, TypeVar

__all__ = ["WorkerPool"]

T = TypeVar("T")

# Queue.shutdown() and QueueShutDown are new in Python 3.13.
HAS_QUEUE_SHUTDOWN = hasattr(asyncio.Queue, "shutdown")

_STOP: Any = object()  # 3.11-3.12: the marker that stops one worker


class WorkerPool(Generic[T]):
    """`async with WorkerPool(handler, workers=N, maxsize=M) as pool:` then `await pool.put(x)`.

    Each item is handled once, by one worker, in the order it was put (the
    handlers of different items overlap, so they may finish in another order).

    Leaving the block normally waits until every queued item has been handled.
    If a handler raises, the other workers and the block's body are cancelled,
    queued items are dropped, and the block raises an [ExceptionGroup][] that
    holds the error: the behaviour of the [asyncio.TaskGroup][] underneath.
    Cancelling the task that runs the block cancels the workers too.

    Examples:
        Two workers and a queue of two items: the producer waits whenever the
        queue is full, and the block ends when every item is handled.

        ```py3
        import asyncio

        from asyncio_recipes.worker_pool import WorkerPool

        handled = []


        async def handle(item: int) -> None:
            await asyncio.sleep(0.01)
            handled.append(item)


        async def main() -> None:
            async with WorkerPool(handle, workers=2, maxsize=2) as pool:
                for item in range(6):
                    await pool.put(item)
            print(sorted(handled))
            #> [0, 1, 2, 3, 4, 5]


        asyncio.run(main())
        ```

        A failing handler stops the pool:

        ```py3
        import asyncio

        from asyncio_recipes.worker_pool import WorkerPool


        async def handle(item: int) -> None:
            await asyncio.sleep(0)
            if item == 3:
                raise ValueError(f"cannot handle {item}")


        async def main() -> None:
            try:
                async with WorkerPool(handle, workers=2, maxsize=2) as pool:
                    for item in range(100):
                        await pool.put(item)
            except* ValueError as failed:
                errors = failed.exceptions
            print("pool stopped:", errors)
            #> pool stopped: (ValueError('cannot handle 3'),)


        asyncio.run(main())
        ```
    """

    def __init__(
        self, handler: Callable[[T], Awaitable[object]], *, workers: int, maxsize: int
    ) -> None:
        """A pool of `workers` tasks that await `handler(item)` for each item put.

        Args:
            handler: An async function of one item; what it returns is dropped.
            workers: How many items are handled at once, at least 1.
            maxsize: How many items may wait in the queue, at least 1: a
                [put()][asyncio_recipes.worker_pool.WorkerPool.put] into a full
                queue waits.

        Raises:
            ValueError: `workers` or `maxsize` is less than 1.
        """
        if workers < 1 or maxsize < 1:
            raise ValueError(f"workers and maxsize must be at least 1, got {workers}, {maxsize}")
        self._handler = handler
        self._workers = workers
        self._queue: asyncio.Queue[T] = asyncio.Queue(maxsize)
        self._group = asyncio.TaskGroup()
        self._closed = False

    async def put(self, item: T) -> None:
        """Queue `item`, waiting while the queue is full.

        Raises:
            RuntimeError: The pool is closing or closed.
        """
        if self._closed:
            raise RuntimeError("this WorkerPool is closed: put items inside its async with block")
        await self._queue.put(item)

    async def _work(self) -> None:
        while True:
            if HAS_QUEUE_SHUTDOWN:
                try:
                    item = await self._queue.get()
                except asyncio.QueueShutDown:  # shut down, and every item taken
                    return
            else:
                item = await self._queue.get()
                if item is _STOP:
                    return
            await self._handler(item)

    async def _close(self) -> None:
        """Let the workers take what is queued, then stop."""
        self._closed = True
        if HAS_QUEUE_SHUTDOWN:
            self._queue.shutdown()  # get() raises QueueShutDown once the queue is empty
        else:
            # Behind every item, so each worker takes one after the last item: one each.
            for _ in range(self._workers):
                await self._queue.put(_STOP)

    async def __aenter__(self) -> "WorkerPool[T]":
        await self._group.__aenter__()
        for number in range(self._workers):
            self._group.create_task(self._work(), name=f"worker-{number}")
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> bool | None:
        self._closed = True
        if exc_type is None:
            try:
                await self._close()
            except BaseException as error:  # cancelled while queueing markers
                # Handed to the group, which cancels the workers and decides what to raise.
                return await self._group.__aexit__(type(error), error, error.__traceback__)
        return await self._group.__aexit__(exc_type, exc, traceback)
