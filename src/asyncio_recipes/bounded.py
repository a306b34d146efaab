"""Run an async function over many inputs, at most `limit` calls at once.

A standard-library-only recipe from Asyncio by Example, for Python 3.11+; the
file works on its own: copy it into your project.

`asyncio.gather()` over 100 000 coroutines makes 100 000 tasks at once, and a
semaphore inside them caps only how many run, not how many exist.
[map_bounded][asyncio_recipes.bounded.map_bounded] starts `limit` workers that
take the inputs one by one: a call for an input is made only when a worker is
free, so a long (or endless, lazily produced) input costs `limit` tasks.
"""

import asyncio
from collections.abc import Awaitable, Callable, Iterable, Sized
from typing import Literal, TypeVar, overload

__all__ = ["map_bounded"]

T = TypeVar("T")
R = TypeVar("R")

_PENDING = object()  # a result slot whose call has not finished


class _CallCancelled(Exception):
    """A call ended with CancelledError while nobody was cancelling its worker."""

    def __init__(self, cancelled: asyncio.CancelledError) -> None:
        super().__init__(cancelled)
        self.cancelled = cancelled


@overload
async def map_bounded(
    func: Callable[[T], Awaitable[R]],
    items: Iterable[T],
    *,
    limit: int,
    return_exceptions: Literal[False] = False,
) -> list[R]: ...


@overload
async def map_bounded(
    func: Callable[[T], Awaitable[R]],
    items: Iterable[T],
    *,
    limit: int,
    return_exceptions: Literal[True],
) -> list[R | BaseException]: ...


async def map_bounded(
    func: Callable[[T], Awaitable[R]],
    items: Iterable[T],
    *,
    limit: int,
    return_exceptions: bool = False,
) -> list[R] | list[R | BaseException]:
    """Await `func(item)` for every item, at most `limit` at once; results in input order.

    `items` is read lazily, one item each time a worker is free, so a generator
    of a million inputs is never held in memory, and `func(item)` (the coroutine)
    is only created once a slot is free. At most `limit` worker tasks exist
    (fewer when `items` has a length smaller than `limit`).

    Args:
        func: An async function of one argument, called once per item.
        items: The inputs, any iterable (a list, a generator).
        limit: How many calls may be in progress at once, at least 1.
        return_exceptions: With False (the default), the first exception a call
            raises cancels every call in progress, no further item is read, and
            that exception is raised here. With True, an [Exception][] a call
            raises takes that call's place in the results and the others go on.

    A call that ends with [asyncio.CancelledError][] although nobody cancelled
    this function (it awaited a future or task that something else cancelled)
    counts as that call's failure, as in [asyncio.gather][]: by default it
    cancels the other calls and the `CancelledError` is raised here; with
    `return_exceptions=True` it takes the call's place in the results.

    Returns:
        One result per item, in the order of `items`.

    Raises:
        ValueError: `limit` is less than 1.

    Cancelling the caller cancels every call in progress and waits for them to
    end before the [asyncio.CancelledError][] propagates: no task outlives the call.

    Examples:
        Four inputs, two at a time: the results come back in input order even
        though the shorter calls finish first.

        ```py3
        import asyncio

        from asyncio_recipes.bounded import map_bounded


        async def double_later(n: int) -> int:
            await asyncio.sleep(0.01 * (4 - n))
            return n * 2


        print(asyncio.run(map_bounded(double_later, range(4), limit=2)))
        #> [0, 2, 4, 6]
        ```

        With `return_exceptions=True` a failure is kept in its place:

        ```py3
        import asyncio

        from asyncio_recipes.bounded import map_bounded


        async def invert(n: int) -> float:
            await asyncio.sleep(0)
            return 1 / n


        results = asyncio.run(map_bounded(invert, [1, 0, 4], limit=2, return_exceptions=True))
        print(results)
        #> [1.0, ZeroDivisionError('division by zero'), 0.25]
        ```
    """
    if limit < 1:
        raise ValueError(f"limit must be at least 1, got {limit!r}")
    results: list = []
    # One iterator shared by the workers: each takes the next input when it is free.
    # Taking one (next() and append) never awaits, so two workers never get the same.
    inputs = enumerate(items)

    async def worker() -> None:
        for index, item in inputs:
            results.append(_PENDING)
            try:
                results[index] = await func(item)
            except Exception as error:
                if not return_exceptions:
                    raise
                results[index] = error
            except asyncio.CancelledError as cancelled:
                if asyncio.current_task().cancelling():  # type: ignore[union-attr]
                    raise  # the group or the caller is cancelling this worker
                # The call was cancelled on its own. A worker that ended cancelled
                # would be dropped silently by the group, its remaining inputs
                # never read and its slot left pending: make it a failure instead.
                if not return_exceptions:
                    raise _CallCancelled(cancelled) from cancelled
                results[index] = cancelled

    workers = min(limit, len(items)) if isinstance(items, Sized) else limit
    try:
        # The group cancels the other workers when one fails, and waits for every
        # worker whatever happens, the caller's cancellation included.
        async with asyncio.TaskGroup() as group:
            for _ in range(workers):
                group.create_task(worker())
    except BaseExceptionGroup as failed:
        # The first failure, as gather() would raise it: the group holds it first.
        # Any other failures (in the same step, or raised while being cancelled)
        # are dropped.
        first = failed.exceptions[0]
        if isinstance(first, _CallCancelled):
            raise first.cancelled from None
        raise first from None
    return results
