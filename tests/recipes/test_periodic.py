"""run_periodically: no drift over 50 periods, skip or catch up, stop, errors, cancellation."""

from __future__ import annotations

import asyncio

import pytest
from virtual_clock import other_tasks, run_virtual

from asyncio_recipes.periodic import run_periodically


class Work:
    """Records when each run started; run n lasts `seconds(n)`."""

    def __init__(self, seconds=lambda n: 0.3, stop_after: int = 50) -> None:
        self.seconds = seconds
        self.stop_after = stop_after
        self.stop = asyncio.Event()
        self.started: list[float] = []

    async def __call__(self) -> None:
        self.started.append(asyncio.get_running_loop().time())
        await asyncio.sleep(self.seconds(len(self.started) - 1))
        if len(self.started) == self.stop_after:
            self.stop.set()


def test_fifty_periods_start_on_the_schedule_with_no_drift() -> None:
    work = Work(seconds=lambda n: 0.3)  # 30 % of the period, every time
    runs = run_virtual(run_periodically(work, 1.0, stop=work.stop))
    assert runs == 50
    # Chained sleeps would start run n at n * 1.3 s: 63.7 s for the last one.
    assert work.started == pytest.approx([n * 1.0 for n in range(50)], abs=1e-9)


def test_a_late_loop_does_not_push_the_schedule_back() -> None:
    # Work of varying length, including a loop that was late to wake it (simulated as
    # a longer run): starts stay on the grid as long as each run ends before the next.
    work = Work(seconds=lambda n: 0.9 if n % 7 == 0 else 0.1)
    run_virtual(run_periodically(work, 1.0, stop=work.stop))
    assert work.started == pytest.approx([float(n) for n in range(50)], abs=1e-9)


def test_skip_drops_the_starts_a_long_run_overran() -> None:
    work = Work(seconds=lambda n: 3.5 if n == 2 else 0.1, stop_after=6)
    run_virtual(run_periodically(work, 1.0, stop=work.stop, missed="skip"))
    # Run 2 ends at 5.5: the starts at 3, 4 and 5 are gone, the next is at 6.
    assert work.started == pytest.approx([0, 1, 2, 6, 7, 8])


def test_catch_up_makes_up_each_missed_start_back_to_back() -> None:
    work = Work(seconds=lambda n: 3.5 if n == 2 else 0.1, stop_after=9)
    run_virtual(run_periodically(work, 1.0, stop=work.stop, missed="catch_up"))
    # Run 2 ends at 5.5; 3, 4, 5 are due: at once, one after the other, then 6 on time.
    assert work.started == pytest.approx([0, 1, 2, 5.5, 5.6, 5.7, 6, 7, 8])


@pytest.mark.parametrize(
    ("run_seconds", "stop_at", "runs", "returns_at"),
    [
        (0.1, 2.5, 3, 2.5),  # during the wait: at once, after the runs at 0, 1 and 2
        (0.5, 1.2, 2, 1.5),  # during the run that began at 1: when that run ends
    ],
    ids=["during the wait", "during a run"],
)
def test_stop_ends_the_schedule_and_lets_a_run_in_progress_finish(
    run_seconds: float, stop_at: float, runs: int, returns_at: float
) -> None:
    async def main():
        stop = asyncio.Event()
        work = Work(seconds=lambda n: run_seconds)
        asyncio.get_running_loop().call_later(stop_at, stop.set)
        count = await run_periodically(work, 1.0, stop=stop)
        return count, asyncio.get_running_loop().time()

    assert run_virtual(main()) == (runs, returns_at)


@pytest.mark.parametrize("at", [0.2, 0.7], ids=["during a run", "between runs"])
def test_cancelling_the_task_stops_it_and_cancels_a_run_in_progress(at: float) -> None:
    cancelled_runs = []

    async def work() -> None:
        try:
            await asyncio.sleep(0.5)
        except asyncio.CancelledError:
            cancelled_runs.append(asyncio.get_running_loop().time())
            raise

    async def main():
        task = asyncio.create_task(run_periodically(work, 1.0))
        await asyncio.sleep(3 + at)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert not other_tasks()

    run_virtual(main())
    assert cancelled_runs == ([pytest.approx(3.2)] if at == 0.2 else [])


def test_an_exception_from_the_function_ends_the_schedule() -> None:
    calls = []

    async def work() -> None:
        calls.append(1)
        if len(calls) == 3:
            raise KeyError("third run")

    with pytest.raises(KeyError, match="third run"):
        run_virtual(run_periodically(work, 1.0))
    assert len(calls) == 3


@pytest.mark.parametrize(
    ("interval", "missed", "message"),
    [(0, "skip", "interval must be more than 0"), (1, "later", 'missed must be "skip"')],
)
def test_bad_arguments_are_refused(interval: float, missed: str, message: str) -> None:
    async def work() -> None:
        pass

    with pytest.raises(ValueError, match=message):
        run_virtual(run_periodically(work, interval, missed=missed))  # type: ignore[arg-type]
