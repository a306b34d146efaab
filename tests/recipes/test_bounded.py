"""map_bounded: order, the cap on calls and on tasks, failures, cancellation."""

from __future__ import annotations

import asyncio

import pytest
from virtual_clock import other_tasks, run_virtual

from asyncio_recipes.bounded import map_bounded


class Calls:
    """An async function that records how many of its calls overlap."""

    def __init__(self, seconds=lambda item: 1.0) -> None:
        self.seconds = seconds
        self.running = 0
        self.peak = 0
        self.started: list[object] = []
        self.cancelled: list[object] = []

    async def __call__(self, item):
        self.running += 1
        self.peak = max(self.peak, self.running)
        self.started.append(item)
        try:
            await asyncio.sleep(self.seconds(item))
            return item * 10
        except asyncio.CancelledError:
            self.cancelled.append(item)
            raise
        finally:
            self.running -= 1


def test_results_come_in_input_order_whatever_order_calls_end() -> None:
    calls = Calls(seconds=lambda item: 10 - item)

    async def main():
        results = await map_bounded(calls, range(10), limit=3)
        assert not other_tasks()
        return results

    assert run_virtual(main()) == [item * 10 for item in range(10)]


@pytest.mark.parametrize("limit", [1, 4, 25])
def test_at_most_limit_calls_at_once_and_the_cap_is_used(limit: int) -> None:
    calls = Calls()

    async def main():
        loop = asyncio.get_running_loop()
        await map_bounded(calls, range(100), limit=limit)
        return loop.time()

    elapsed = run_virtual(main())
    assert calls.peak == limit
    # 100 one-second calls, `limit` at a time: waves, not one long queue.
    assert elapsed == pytest.approx(-(-100 // limit))


def test_an_input_is_read_only_once_a_slot_is_free_and_100_000_make_no_100_000_tasks() -> None:
    limit = 8
    calls = Calls(seconds=lambda item: 0)
    seen = {"pulled": 0, "running_when_pulled": 0, "tasks": 0}

    def inputs():
        for item in range(100_000):
            seen["pulled"] += 1
            # The generator runs when a worker asks for its next input: a free slot.
            seen["running_when_pulled"] = max(seen["running_when_pulled"], calls.running)
            yield item

    async def call(item):
        if item % 1000 == 0:  # all_tasks() costs one step per task: a sample is enough
            seen["tasks"] = max(seen["tasks"], len(other_tasks()))
        return await calls(item)

    async def main():
        return await map_bounded(call, inputs(), limit=limit)

    results = asyncio.run(main())
    assert len(results) == seen["pulled"] == 100_000
    assert seen["running_when_pulled"] <= limit - 1
    assert seen["tasks"] <= limit
    assert calls.peak == limit


def test_fewer_workers_than_limit_for_a_short_list() -> None:
    async def main():
        tasks = []

        async def call(item):
            tasks.append(len(other_tasks()))
            await asyncio.sleep(0)

        await map_bounded(call, [1, 2], limit=1000)
        return max(tasks)

    assert asyncio.run(main()) == 2


def test_first_failure_cancels_the_rest_reads_no_more_and_is_raised() -> None:
    pulled = []

    def inputs():
        for item in range(100):
            pulled.append(item)
            yield item

    calls = Calls(seconds=lambda item: 0.5 if item == 2 else 5)

    async def failing(item):
        if item == 2:
            await asyncio.sleep(0.5)
            raise KeyError(item)
        return await calls(item)

    async def main():
        with pytest.raises(KeyError) as raised:
            await map_bounded(failing, inputs(), limit=3)
        assert not other_tasks()
        return raised.value, asyncio.get_running_loop().time()

    error, elapsed = run_virtual(main())
    assert error.args == (2,)
    assert elapsed == pytest.approx(0.5)  # at once, not after the 5 s calls
    assert sorted(calls.cancelled) == [0, 1]
    assert pulled == [0, 1, 2]


def test_return_exceptions_keeps_each_failure_in_its_place() -> None:
    async def call(item):
        await asyncio.sleep(item % 3)
        if item % 2:
            raise ValueError(item)
        return item

    results = run_virtual(map_bounded(call, range(6), limit=2, return_exceptions=True))
    assert [type(result) for result in results] == [int, ValueError] * 3
    assert [r if isinstance(r, int) else r.args[0] for r in results] == list(range(6))


def cancelled_on_its_own(cancelled_item: int):
    """A call that, for one item, awaits a future something else cancels."""

    async def call(item):
        if item == cancelled_item:
            future = asyncio.get_running_loop().create_future()
            asyncio.get_running_loop().call_later(0.5, future.cancel)
            await future  # raises CancelledError, though nobody cancelled the caller
        await asyncio.sleep(1)
        return item

    return call


def test_a_call_cancelled_on_its_own_is_raised_like_gather_not_a_short_list() -> None:
    # A worker task that ends cancelled is ignored by TaskGroup: without care the
    # function returned early, with a private placeholder in the list.
    async def main():
        with pytest.raises(asyncio.CancelledError):
            await map_bounded(cancelled_on_its_own(1), range(4), limit=1)
        assert not other_tasks()
        return asyncio.get_running_loop().time()

    # limit=1: item 0 takes 1 s, item 1 is cancelled 0.5 s later, items 2 and 3 never run.
    assert run_virtual(main()) == pytest.approx(1.5)


def test_a_call_cancelled_on_its_own_takes_its_place_with_return_exceptions() -> None:
    results = run_virtual(
        map_bounded(cancelled_on_its_own(1), range(4), limit=2, return_exceptions=True)
    )
    assert results[0] == 0
    assert results[2:] == [2, 3]
    assert isinstance(results[1], asyncio.CancelledError)


# None: before the call has started; then during each wave of calls (4, 4, then 2).
@pytest.mark.parametrize("at", [None, 0.0, 0.5, 1.5, 2.5])
def test_cancelling_the_caller_cancels_every_call_and_leaves_no_task(at: float | None) -> None:
    calls = Calls()

    async def main():
        runner = asyncio.create_task(map_bounded(calls, range(10), limit=4))
        if at is not None:
            await asyncio.sleep(at)
        runner.cancel()
        with pytest.raises(asyncio.CancelledError):
            await runner
        assert calls.running == 0
        assert not other_tasks()

    run_virtual(main())
    in_flight_at_cancel = 0 if at is None else min(4, 10 - 4 * int(at))
    assert len(calls.cancelled) == in_flight_at_cancel


def test_limit_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="limit must be at least 1, got 0"):
        asyncio.run(map_bounded(Calls(), [1], limit=0))
