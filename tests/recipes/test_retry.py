"""retry: backoff with jitter, which exceptions, per-attempt timeout, deadline, cancellation."""

from __future__ import annotations

import asyncio

import pytest
from virtual_clock import other_tasks, run_virtual

from asyncio_recipes.retry import retry


class Flaky:
    """Fails with `error` the first `failures` times, recording when each attempt began."""

    def __init__(self, failures: int, error: BaseException | None = None) -> None:
        self.failures = failures
        self.error = error or ConnectionError("down")
        self.started: list[float] = []

    async def __call__(self) -> str:
        self.started.append(asyncio.get_running_loop().time())
        await asyncio.sleep(0)
        if len(self.started) <= self.failures:
            raise self.error
        return "ok"

    def backoffs(self) -> list[float]:
        return [b - a for a, b in zip(self.started, self.started[1:], strict=False)]


def test_succeeds_after_failures_and_returns_the_value() -> None:
    flaky = Flaky(failures=4)
    assert run_virtual(retry(flaky, retry_on=ConnectionError, attempts=5)) == "ok"
    assert len(flaky.started) == 5


def test_gives_up_after_attempts_with_the_last_exception() -> None:
    flaky = Flaky(failures=10)
    with pytest.raises(ConnectionError, match="down"):
        run_virtual(retry(flaky, retry_on=ConnectionError, attempts=3))
    assert len(flaky.started) == 3


def test_backoff_is_jittered_below_an_exponential_cap() -> None:
    backoffs: list[list[float]] = []
    for _ in range(20):
        flaky = Flaky(failures=10)
        with pytest.raises(ConnectionError):
            run_virtual(
                retry(flaky, retry_on=ConnectionError, attempts=6, base_delay=1, max_delay=8)
            )
        backoffs.append(flaky.backoffs())
    caps = [1, 2, 4, 8, 8]
    for run in backoffs:
        assert all(0 <= delay <= cap for delay, cap in zip(run, caps, strict=True))
    # Jitter: clients that failed together come back at different times. Twenty runs
    # of full jitter put each retry's waits all over its range, not on one value.
    for attempt, cap in enumerate(caps):
        waits = [run[attempt] for run in backoffs]
        assert len(set(waits)) == len(waits)
        assert max(waits) - min(waits) > cap / 4


@pytest.mark.parametrize(
    "error", [ValueError("bad"), KeyError("k"), TimeoutError()], ids=lambda e: type(e).__name__
)
def test_an_exception_not_named_is_raised_at_once(error: Exception) -> None:
    flaky = Flaky(failures=10, error=error)
    with pytest.raises(type(error)):
        run_virtual(retry(flaky, retry_on=ConnectionError))
    assert len(flaky.started) == 1


def test_a_slow_attempt_is_cut_by_attempt_timeout_and_retried_when_named() -> None:
    durations = iter([10.0, 10.0, 0.5])

    async def slow_then_fast() -> str:
        await asyncio.sleep(next(durations))
        return "fast enough"

    async def main():
        result = await retry(
            slow_then_fast, retry_on=TimeoutError, attempt_timeout=1.0, base_delay=0.001
        )
        return result, asyncio.get_running_loop().time()

    result, elapsed = run_virtual(main())
    assert result == "fast enough"
    assert 2.5 <= elapsed < 2.51  # two 1 s timeouts, two tiny backoffs, then 0.5 s


def test_the_deadline_cuts_an_attempt_with_timeout_error() -> None:
    async def hangs() -> None:
        await asyncio.sleep(3600)

    async def main():
        with pytest.raises(TimeoutError):
            await retry(hangs, retry_on=ConnectionError, deadline=5.0)
        assert not other_tasks()
        return asyncio.get_running_loop().time()

    assert run_virtual(main()) == pytest.approx(5.0)


def test_the_deadline_bounds_the_whole_call_across_attempts_and_backoffs() -> None:
    flaky = Flaky(failures=1000)

    async def main():
        with pytest.raises(ConnectionError):
            await retry(flaky, retry_on=ConnectionError, attempts=1000, base_delay=1, deadline=30)
        return asyncio.get_running_loop().time()

    elapsed = run_virtual(main())
    # It stops before a backoff that would end past the deadline, with the real error.
    assert elapsed < 30
    assert flaky.started[-1] < 30
    assert 5 < len(flaky.started) < 1000


@pytest.mark.parametrize("during", ["an attempt", "a backoff"])
def test_a_cancellation_is_never_retried(during: str, monkeypatch: pytest.MonkeyPatch) -> None:
    flaky = Flaky(failures=1000)
    # Every backoff its longest (5 s), so that the cancellation surely comes during one.
    monkeypatch.setattr("asyncio_recipes.retry.random.uniform", lambda low, high: high)

    async def attempt() -> str:
        if during == "an attempt":
            await asyncio.sleep(10)
        return await flaky()

    async def main():
        # Even when the caller asks to retry on everything there is.
        task = asyncio.create_task(
            retry(attempt, retry_on=BaseException, attempts=1000, base_delay=5, max_delay=5)
        )
        await asyncio.sleep(1 if during == "an attempt" else 2.5)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert not other_tasks()
        return asyncio.get_running_loop().time()

    assert run_virtual(main()) == pytest.approx(1 if during == "an attempt" else 2.5)
    assert len(flaky.started) == (0 if during == "an attempt" else 1)


def test_a_cancellation_raised_inside_the_operation_is_not_retried_either() -> None:
    flaky = Flaky(failures=1000, error=asyncio.CancelledError())
    with pytest.raises(asyncio.CancelledError):
        run_virtual(retry(flaky, retry_on=BaseException, attempts=5))
    assert len(flaky.started) == 1


def test_attempts_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="attempts must be at least 1"):
        run_virtual(retry(Flaky(0), retry_on=ConnectionError, attempts=0))
