"""TaskSet: strong references, failures reported when they happen, close with a grace."""

from __future__ import annotations

import asyncio
import gc
import logging
import weakref

import pytest
from virtual_clock import other_tasks, run_virtual

from asyncio_recipes.task_set import TaskSet


async def wait_forever(log: list[str], name: str) -> None:
    try:
        # A future that nothing but this coroutine refers to: with no strong
        # reference to the task, the garbage collector may take the task with it.
        await asyncio.get_running_loop().create_future()
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise


def test_a_task_nobody_else_holds_survives_garbage_collection() -> None:
    log: list[str] = []

    async def main():
        tasks = TaskSet()
        alive = weakref.ref(tasks.spawn(wait_forever(log, "orphan")))
        await asyncio.sleep(0)
        gc.collect()
        survived = alive() is not None
        await tasks.close()
        return survived

    assert run_virtual(main()) is True
    assert log == ["orphan cancelled"]  # cancelled by close(), not collected


def test_finished_tasks_are_let_go() -> None:
    async def main():
        tasks = TaskSet()
        for _ in range(100):
            tasks.spawn(asyncio.sleep(1))
        running = len(tasks)
        await asyncio.sleep(2)
        return running, len(tasks)

    assert run_virtual(main()) == (100, 0)


def test_a_failure_reaches_the_callback_when_it_happens() -> None:
    reports = []

    async def fail_at(seconds: float) -> None:
        await asyncio.sleep(seconds)
        raise ValueError(seconds)

    async def main():
        loop = asyncio.get_running_loop()

        def report(task, error):
            reports.append((task.get_name(), error.args, loop.time()))

        async with TaskSet(on_error=report) as tasks:
            tasks.spawn(fail_at(1), name="one")
            tasks.spawn(fail_at(3), name="three")
            tasks.spawn(asyncio.sleep(2), name="fine")
            await asyncio.sleep(5)

    run_virtual(main())
    assert reports == [("one", (1,), 1.0), ("three", (3,), 3.0)]


def test_without_a_callback_failures_are_logged_with_their_traceback(
    caplog: pytest.LogCaptureFixture,
) -> None:
    logger = logging.getLogger("test_task_set")

    async def fail() -> None:
        raise ValueError("bad input")

    async def main():
        async with TaskSet(logger=logger) as tasks:
            tasks.spawn(fail(), name="failing")
            await asyncio.sleep(0.1)

    with caplog.at_level(logging.ERROR, logger="test_task_set"):
        run_virtual(main())
    [record] = caplog.records
    assert record.getMessage() == "background task failing failed"
    assert record.exc_info is not None
    assert record.exc_info[1].args == ("bad input",)


def test_close_gives_the_grace_period_then_cancels_and_awaits_the_rest() -> None:
    log: list[str] = []

    async def job(name: str, seconds: float) -> None:
        try:
            await asyncio.sleep(seconds)
            log.append(f"{name} finished")
        except asyncio.CancelledError:
            await asyncio.sleep(0.5)  # clean-up that itself awaits
            log.append(f"{name} cleaned up")
            raise

    async def main():
        loop = asyncio.get_running_loop()
        tasks = TaskSet(grace=2.0)
        async with tasks:
            tasks.spawn(job("quick", 1.0))
            tasks.spawn(job("slow", 10.0))
        assert not other_tasks()
        return loop.time(), len(tasks)

    closed_at, left = run_virtual(main())
    assert log == ["quick finished", "slow cleaned up"]
    assert closed_at == pytest.approx(2.5)  # the grace, then the clean-up, not the 10 s
    assert left == 0


def test_close_returns_at_once_when_everything_finished_within_the_grace() -> None:
    async def main():
        tasks = TaskSet()
        tasks.spawn(asyncio.sleep(1))
        await tasks.close(grace=60)
        return asyncio.get_running_loop().time()

    assert run_virtual(main()) == pytest.approx(1.0)


def test_a_block_that_raises_cancels_at_once_without_the_grace() -> None:
    log: list[str] = []

    async def body() -> None:
        async with TaskSet(grace=60) as tasks:
            tasks.spawn(wait_forever(log, "worker"))
            await asyncio.sleep(0)
            raise KeyError("body")

    async def main():
        with pytest.raises(KeyError):
            await body()
        return asyncio.get_running_loop().time()

    assert run_virtual(main()) == 0.0
    assert log == ["worker cancelled"]


def test_cancelling_the_owner_during_close_still_cancels_the_tasks() -> None:
    log: list[str] = []

    async def main():
        tasks = TaskSet()
        tasks.spawn(wait_forever(log, "worker"))
        closer = asyncio.create_task(tasks.close(grace=60))
        await asyncio.sleep(1)
        closer.cancel()
        with pytest.raises(asyncio.CancelledError):
            await closer
        return len(tasks), asyncio.get_running_loop().time()

    # The grace was cut short, and the task was cancelled and awaited all the same.
    assert run_virtual(main()) == (0, 1.0)
    assert log == ["worker cancelled"]


def test_a_closed_set_starts_nothing_and_closes_the_coroutine() -> None:
    async def main():
        tasks = TaskSet()
        await tasks.close()
        coro = asyncio.sleep(1)
        with pytest.raises(RuntimeError, match="closed"):
            tasks.spawn(coro)
        # Closed, so no "coroutine was never awaited" warning (warnings are errors here).
        assert coro.cr_frame is None

    run_virtual(main())
