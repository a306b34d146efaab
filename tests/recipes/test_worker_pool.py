"""WorkerPool: every item once, backpressure, clean shutdown on both paths, errors, cancellation.

Each test runs twice where it can: with Queue.shutdown() (Python 3.13+) and with
the stop markers that stand in for it on 3.11 and 3.12. On 3.11 and 3.12 the
first is skipped, and says why.
"""

from __future__ import annotations

import asyncio
import math

import pytest
from virtual_clock import other_tasks, run_virtual

from asyncio_recipes import worker_pool
from asyncio_recipes.worker_pool import WorkerPool


@pytest.fixture(params=["Queue.shutdown", "stop markers"], autouse=True)
def shutdown_path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "Queue.shutdown" and not hasattr(asyncio.Queue, "shutdown"):
        pytest.skip("Queue.shutdown() is new in Python 3.13")
    monkeypatch.setattr(worker_pool, "HAS_QUEUE_SHUTDOWN", request.param == "Queue.shutdown")
    return request.param


class Handler:
    def __init__(self, seconds: float = 1.0, fail_on: object = None, fail_after: float = 0.5):
        self.seconds = seconds
        self.fail_on = fail_on
        self.fail_after = fail_after
        self.handled: list[object] = []
        self.cancelled: list[object] = []
        self.running = 0
        self.peak = 0

    async def __call__(self, item: object) -> None:
        self.running += 1
        self.peak = max(self.peak, self.running)
        try:
            if item == self.fail_on:
                await asyncio.sleep(self.fail_after)
                raise ValueError(f"cannot handle {item}")
            await asyncio.sleep(self.seconds)
            self.handled.append(item)
        except asyncio.CancelledError:
            self.cancelled.append(item)
            raise
        finally:
            self.running -= 1


def test_every_item_is_handled_once_by_at_most_n_workers_and_exit_waits_for_them() -> None:
    handler = Handler()

    async def main():
        async with WorkerPool(handler, workers=3, maxsize=4) as pool:
            for item in range(20):
                await pool.put(item)
        assert not other_tasks()
        return asyncio.get_running_loop().time()

    elapsed = run_virtual(main())
    assert sorted(handler.handled) == list(range(20))
    assert handler.peak == 3
    assert elapsed == pytest.approx(math.ceil(20 / 3))


def test_a_full_queue_makes_the_producer_wait_for_the_workers() -> None:
    handler = Handler()
    put_at: list[float] = []

    async def main():
        loop = asyncio.get_running_loop()
        async with WorkerPool(handler, workers=2, maxsize=3) as pool:
            for item in range(11):
                await pool.put(item)
                put_at.append(loop.time())

    run_virtual(main())
    # 2 items in the workers' hands and 3 in the queue at once; then the producer
    # goes at the workers' pace: 2 items a second.
    assert put_at == pytest.approx([0.0] * 5 + [1.0, 1.0, 2.0, 2.0, 3.0, 3.0])


def test_an_empty_pool_closes_at_once() -> None:
    async def main():
        async with WorkerPool(Handler(), workers=4, maxsize=1):
            pass
        assert not other_tasks()
        return asyncio.get_running_loop().time()

    assert run_virtual(main()) == 0.0


def test_a_failing_handler_stops_the_pool_and_its_error_comes_out_of_the_block() -> None:
    handler = Handler(fail_on=4)
    produced: list[int] = []

    async def produce() -> None:
        async with WorkerPool(handler, workers=2, maxsize=2) as pool:
            for item in range(100):
                await pool.put(item)
                produced.append(item)

    async def main():
        with pytest.raises(ExceptionGroup) as raised:
            await produce()
        assert not other_tasks()
        return raised.value, asyncio.get_running_loop().time()

    group, elapsed = run_virtual(main())
    assert [str(error) for error in group.exceptions] == ["cannot handle 4"]
    assert elapsed == pytest.approx(2.5)  # items 4 and 5 start at 2.0; 4 fails at 2.5
    assert sorted(handler.handled) == [0, 1, 2, 3]
    assert handler.cancelled == [5]  # the other worker's item, cut short
    assert len(produced) < 10  # the producer was stopped too


def test_an_error_in_the_block_cancels_the_workers() -> None:
    handler = Handler()

    async def produce() -> None:
        async with WorkerPool(handler, workers=2, maxsize=2) as pool:
            await pool.put(1)
            await asyncio.sleep(0.5)
            raise KeyError("producer")

    async def main():
        with pytest.raises(ExceptionGroup) as raised:
            await produce()
        assert not other_tasks()
        return raised.value

    assert [type(e) for e in run_virtual(main()).exceptions] == [KeyError]
    assert handler.cancelled == [1]


@pytest.mark.parametrize(
    "at", [0.5, 1.5, 2.5], ids=["waiting in put", "before the end", "during the drain"]
)
def test_cancelling_the_owner_cancels_the_workers_and_leaves_no_task(at: float) -> None:
    handler = Handler()

    async def produce():
        async with WorkerPool(handler, workers=2, maxsize=2) as pool:
            for item in range(6):  # the last put returns at 1.0
                await pool.put(item)
            await asyncio.sleep(1.0)  # then the drain, from 2.0: items 4 and 5 till 3.0

    async def main():
        owner = asyncio.create_task(produce())
        await asyncio.sleep(at)
        owner.cancel()
        with pytest.raises(asyncio.CancelledError):
            await owner
        assert not other_tasks()
        assert handler.running == 0

    run_virtual(main())
    assert len(handler.cancelled) == 2  # both workers were busy when it came
    assert len(handler.handled) == 2 * math.floor(at)


def test_put_after_the_block_is_refused() -> None:
    async def main():
        async with WorkerPool(Handler(), workers=1, maxsize=1) as pool:
            pass
        with pytest.raises(RuntimeError, match="closed"):
            await pool.put(1)

    run_virtual(main())


def test_out_of_range_sizes_are_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        WorkerPool(Handler(), workers=0, maxsize=1)
    with pytest.raises(ValueError, match="at least 1"):
        WorkerPool(Handler(), workers=1, maxsize=0)
