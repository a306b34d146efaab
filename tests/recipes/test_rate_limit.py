"""RateLimiter: burst, throughput, refill after idling, fairness, cancellation."""

from __future__ import annotations

import asyncio

import pytest
from virtual_clock import other_tasks, run_virtual

from asyncio_recipes.rate_limit import RateLimiter


async def start_times(limiter: RateLimiter, jobs: int, *, use_with: bool = True) -> list[float]:
    """When each of `jobs` sequential acquisitions got its token."""
    loop = asyncio.get_running_loop()
    start, times = loop.time(), []
    for _ in range(jobs):
        if use_with:
            async with limiter:
                times.append(loop.time() - start)
        else:
            await limiter.acquire()
            times.append(loop.time() - start)
    return times


@pytest.mark.parametrize("use_with", [True, False], ids=["async with", "acquire"])
def test_a_burst_at_once_then_one_token_per_period_over_rate(use_with: bool) -> None:
    limiter = RateLimiter(10, period=1.0, burst=5)
    times = run_virtual(start_times(limiter, 105, use_with=use_with))
    assert times[:5] == [0.0] * 5
    # Then one every 0.1 s: 100 more in 10 s, each exactly on its tick.
    assert times[5:] == pytest.approx([0.1 * n for n in range(1, 101)])


def test_throughput_over_a_long_run_is_rate_per_period() -> None:
    limiter = RateLimiter(3, period=0.5, burst=1)  # 6 per second
    times = run_virtual(start_times(limiter, 601))
    assert times[-1] == pytest.approx(100.0)
    # No window of one second holds more than 6 starts (burst 1: no extra).
    assert max(sum(t <= s < t + 1 - 1e-9 for s in times) for t in times) == 6


def test_an_idle_limiter_refills_up_to_burst_and_no_further() -> None:
    limiter = RateLimiter(10, period=1.0, burst=3)

    async def main():
        first = await start_times(limiter, 3)
        await asyncio.sleep(60)  # long enough for 600 tokens: the bucket keeps 3
        return first, await start_times(limiter, 5)

    first, after_idle = run_virtual(main())
    assert first == [0.0] * 3
    assert after_idle == pytest.approx([0.0, 0.0, 0.0, 0.1, 0.2])


def test_waiters_are_served_first_come_first_served() -> None:
    limiter = RateLimiter(1, period=1.0)
    order = []

    async def job(name: str) -> None:
        async with limiter:
            order.append((name, asyncio.get_running_loop().time()))

    async def main():
        async with asyncio.TaskGroup() as group:
            for name in "abcde":
                group.create_task(job(name))
                await asyncio.sleep(0.25)  # arrive in order, while the others wait
            # A latecomer, arriving just as "b" and "c" have had their tokens.
            await asyncio.sleep(0.6)
            group.create_task(job("late"))

    run_virtual(main())
    assert order == [
        ("a", 0.0),
        ("b", pytest.approx(1.0)),
        ("c", pytest.approx(2.0)),
        ("d", pytest.approx(3.0)),
        ("e", pytest.approx(4.0)),
        ("late", pytest.approx(5.0)),
    ]


@pytest.mark.parametrize("while_", ["sleeping for a token", "queued behind another"])
def test_a_cancelled_waiter_takes_no_token_and_blocks_no_one(while_: str) -> None:
    limiter = RateLimiter(1, period=1.0)

    async def main():
        loop = asyncio.get_running_loop()
        await limiter.acquire()  # the bucket is empty now, the next token at 1.0
        first = asyncio.create_task(limiter.acquire())
        second = asyncio.create_task(limiter.acquire())
        await asyncio.sleep(0.5)
        victim = first if while_ == "sleeping for a token" else second
        victim.cancel()
        with pytest.raises(asyncio.CancelledError):
            await victim
        survivor = second if victim is first else first
        await survivor
        got_token_at = loop.time()
        await limiter.acquire()
        assert not other_tasks()
        return got_token_at, loop.time()

    survivor_at, next_at = run_virtual(main())
    assert survivor_at == pytest.approx(1.0)  # the cancelled one's token went to it
    assert next_at == pytest.approx(2.0)


def test_an_exception_inside_the_block_propagates_and_spends_the_token() -> None:
    limiter = RateLimiter(1, period=1.0)

    async def main():
        with pytest.raises(ZeroDivisionError):
            async with limiter:
                1 / 0  # noqa: B018
        return await start_times(limiter, 1)

    assert run_virtual(main()) == pytest.approx([1.0])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((0,), "rate and period must be more than 0"),
        ((1, 0), "rate and period must be more than 0"),
        ((1, 1, 0), "burst must be at least 1"),
    ],
)
def test_out_of_range_values_are_refused(args: tuple, message: str) -> None:
    rate, *rest = args
    period = rest[0] if rest else 1.0
    burst = rest[1] if len(rest) > 1 else 1
    with pytest.raises(ValueError, match=message):
        RateLimiter(rate, period, burst=burst)
