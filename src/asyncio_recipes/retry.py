"""Retry an async operation: exponential backoff with jitter, per-attempt and overall limits.

A standard-library-only recipe from Asyncio by Example, for Python 3.11+; the
file works on its own: copy it into your project.

Only the exceptions you name are retried, and a cancellation never is: a
retried [asyncio.CancelledError][] would keep a task alive that its caller
asked to stop.
"""

import asyncio
import random
from collections.abc import Awaitable, Callable
from typing import TypeVar

__all__ = ["retry"]

T = TypeVar("T")


async def retry(
    operation: Callable[[], Awaitable[T]],
    *,
    retry_on: type[Exception] | tuple[type[Exception], ...],
    attempts: int = 3,
    base_delay: float = 0.1,
    max_delay: float = 10.0,
    attempt_timeout: float | None = None,
    deadline: float | None = None,
) -> T:
    """Await `operation()` until it succeeds, up to `attempts` times.

    Before attempt `n + 1` it sleeps a random time between 0 and
    `min(max_delay, base_delay * 2 ** (n - 1))` ("full jitter"): clients that
    failed together do not all come back at the same moment.

    Args:
        operation: Called with no argument for each attempt; it must return a new
            awaitable each time (an async function, a `lambda` or
            [functools.partial][] around one).
        retry_on: The exception types that cause another attempt. Anything else
            is raised at once. To retry an attempt that ran out of
            `attempt_timeout`, include [TimeoutError][].
        attempts: At most this many attempts, at least 1.
        base_delay: Seconds, the upper bound of the first backoff.
        max_delay: Seconds, the upper bound of any backoff.
        attempt_timeout: Seconds one attempt may take; when it runs out, the
            attempt is cancelled and counts as a [TimeoutError][].
        deadline: Seconds for the whole call, attempts and backoffs together.
            When it runs out during an attempt, the attempt is cancelled and
            [TimeoutError][] is raised; a backoff that would end past it is not
            started, and the last attempt's exception is raised instead.

    Returns:
        What the first successful attempt returned.

    Raises:
        Exception: The last attempt's exception, when every attempt failed, or
            the first exception not in `retry_on`.
        TimeoutError: The `deadline` ran out during an attempt.
        ValueError: `attempts` is less than 1.

    Examples:
        An operation that fails twice, then works:

        ```py3
        import asyncio

        from asyncio_recipes.retry import retry

        calls = 0


        async def flaky() -> str:
            global calls
            calls += 1
            if calls < 3:
                raise ConnectionError(f"attempt {calls} failed")
            return f"ok after {calls} attempts"


        print(asyncio.run(retry(flaky, retry_on=ConnectionError, base_delay=0.01)))
        #> ok after 3 attempts
        ```

        An exception that is not named is not retried:

        ```py3
        import asyncio

        from asyncio_recipes.retry import retry


        async def broken() -> None:
            raise ValueError("not a network problem")


        try:
            asyncio.run(retry(broken, retry_on=ConnectionError))
        except ValueError as error:
            print("raised at once:", error)
            #> raised at once: not a network problem
        ```
    """
    if attempts < 1:
        raise ValueError(f"attempts must be at least 1, got {attempts!r}")
    loop = asyncio.get_running_loop()
    # asyncio.timeout_at(None) never expires: one code path with or without a deadline.
    ends_at = None if deadline is None else loop.time() + deadline
    async with asyncio.timeout_at(ends_at):
        for attempt in range(1, attempts + 1):
            try:
                async with asyncio.timeout(attempt_timeout):
                    return await operation()
            except asyncio.CancelledError:
                raise  # never retried, even if retry_on names it or a base class of it
            except retry_on:
                if attempt == attempts:
                    raise
                cap = min(max_delay, base_delay * 2 ** (attempt - 1))
                delay = random.uniform(0, cap)
                if ends_at is not None and loop.time() + delay >= ends_at:
                    raise  # sleeping would only lead to the deadline's TimeoutError
                await asyncio.sleep(delay)
    raise AssertionError("unreachable: the last attempt returns or raises")
