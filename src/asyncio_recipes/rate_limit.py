"""A token bucket: at most `rate` acquisitions per `period`, with bursts of `burst`.

A standard-library-only recipe from Asyncio by Example, for Python 3.11+; the
file works on its own: copy it into your project.

A semaphore caps how many jobs run at once; this caps how many *start* per
period, whatever the jobs do afterwards. The bucket holds up to `burst` tokens
and gains `rate` tokens per `period`; each acquisition takes one token, and
waits when there is none. Waiters are served first come, first served.
"""

import asyncio
from types import TracebackType

__all__ = ["RateLimiter"]

# Float arithmetic may leave a waiter one rounding error short of a whole token
# after sleeping exactly the time it needed: count that as a token.
_EPSILON = 1e-9


class RateLimiter:
    """A token bucket: `async with limiter:` or `await limiter.acquire()` before each job.

    The bucket starts full, so the first `burst` acquisitions go at once; after
    that, one token arrives every `period / rate` seconds. Over any stretch of
    time `t`, at most `burst + rate * t / period` acquisitions succeed.

    Time is the event loop's clock ([asyncio.get_running_loop][]`().time()`), so
    a limiter must be used from one event loop only. It is not thread-safe.

    Examples:
        Five jobs at 10 per second with a burst of 3: three start at once, the
        fourth 0.1 s later, the fifth 0.2 s later.

        ```py3
        import asyncio

        from asyncio_recipes.rate_limit import RateLimiter


        async def main() -> None:
            limiter = RateLimiter(10, period=1.0, burst=3)
            loop = asyncio.get_running_loop()
            start = loop.time()
            starts = []
            for _ in range(5):
                async with limiter:
                    starts.append(loop.time() - start)
            for job, started in enumerate(starts):
                print(f"job {job}:", "waited" if started >= 0.05 else "at once")
                #> job 0: at once
                #> job 1: at once
                #> job 2: at once
                #> job 3: waited
                #> job 4: waited


        asyncio.run(main())
        ```
    """

    def __init__(self, rate: float, period: float = 1.0, *, burst: int = 1) -> None:
        """Allow `rate` acquisitions per `period` seconds, up to `burst` at once.

        Args:
            rate: Tokens added per `period`; more than 0.
            period: Seconds; more than 0.
            burst: How many tokens the bucket holds, at least 1. With 1 the
                acquisitions are evenly spaced; with more, a caller that was idle
                may start that many at once.

        Raises:
            ValueError: A value is out of range.
        """
        if rate <= 0 or period <= 0:
            raise ValueError(f"rate and period must be more than 0, got {rate!r} and {period!r}")
        if burst < 1:
            raise ValueError(f"burst must be at least 1, got {burst!r}")
        self._seconds_per_token = period / rate
        self._burst = burst
        self._tokens = float(burst)
        self._updated: float | None = None  # loop time of the last refill
        # asyncio.Lock wakes its waiters in the order they came: that is the fairness.
        self._lock = asyncio.Lock()

    def _refill(self, now: float) -> None:
        if self._updated is not None:
            earned = (now - self._updated) / self._seconds_per_token
            self._tokens = min(self._burst, self._tokens + earned)
        self._updated = now

    async def acquire(self) -> None:
        """Take a token, waiting first until one is there and every earlier caller has one.

        A caller cancelled while it waits takes no token: the next caller gets it.
        """
        async with self._lock:
            loop = asyncio.get_running_loop()
            while True:
                self._refill(loop.time())
                if self._tokens >= 1 - _EPSILON:
                    self._tokens = max(0.0, self._tokens - 1)
                    return
                await asyncio.sleep((1 - self._tokens) * self._seconds_per_token)

    async def __aenter__(self) -> None:
        await self.acquire()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Nothing to give back: a token is spent when the job starts."""
