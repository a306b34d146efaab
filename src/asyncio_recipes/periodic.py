"""Run an async function every `interval` seconds, on a fixed schedule, until told to stop.

A standard-library-only recipe from Asyncio by Example, for Python 3.11+; the
file works on its own: copy it into your project.

`while True: await work(); await asyncio.sleep(interval)` drifts: each round
lasts `interval` plus the work plus the loop's lateness, and the errors add up.
[run_periodically][asyncio_recipes.periodic.run_periodically] computes every
start from the first one (`start + n * interval`, on the event loop's clock)
and waits for that deadline, so lateness does not accumulate.
"""

import asyncio
import math
from collections.abc import Awaitable, Callable
from typing import Literal

__all__ = ["run_periodically"]


async def run_periodically(
    func: Callable[[], Awaitable[object]],
    interval: float,
    *,
    stop: asyncio.Event | None = None,
    missed: Literal["skip", "catch_up"] = "skip",
) -> int:
    """Await `func()` at `start`, `start + interval`, `start + 2 * interval`, ...

    The first run is at once. A run that takes longer than `interval` delays the
    next ones, and `missed` says what then happens to the starts it overran.

    Args:
        func: The async function to run, with no argument.
        interval: Seconds between scheduled starts; more than 0.
        stop: When set, no further run starts and the function returns; a run
            in progress finishes first. Without it, cancel the task to stop.
        missed: "skip": drop the starts that passed during a long run and go
            on with the next one on the schedule. "catch_up": make up every
            missed start, one run after another, until back on schedule.

    Returns:
        How many runs started (after `stop` was set).

    Raises:
        ValueError: `interval` is not more than 0, or `missed` is unknown.

    An exception from `func` ends the schedule and propagates; wrap `func` to log
    and go on instead. Cancelling the task cancels a run in progress.

    Examples:
        Three runs 0.02 s apart, then stop:

        ```py3
        import asyncio

        from asyncio_recipes.periodic import run_periodically


        async def main() -> None:
            stop = asyncio.Event()
            ticks = []

            async def tick() -> None:
                ticks.append(len(ticks))
                if len(ticks) == 3:
                    stop.set()

            runs = await run_periodically(tick, 0.02, stop=stop)
            print(runs, ticks)
            #> 3 [0, 1, 2]


        asyncio.run(main())
        ```
    """
    if interval <= 0:
        raise ValueError(f"interval must be more than 0, got {interval!r}")
    if missed not in ("skip", "catch_up"):
        raise ValueError(f'missed must be "skip" or "catch_up", got {missed!r}')
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    start = loop.time()
    slot = 0  # the next start on the schedule: start + slot * interval
    runs = 0
    while not stop.is_set():
        try:
            # Waits until the start is due (the schedule), or less if `stop` is set.
            async with asyncio.timeout_at(start + slot * interval):
                await stop.wait()
            break
        except TimeoutError:
            pass
        runs += 1
        await func()
        slot += 1
        behind = loop.time() - (start + slot * interval)
        if missed == "skip" and behind > 0:
            # On to the first start of the schedule that is still ahead.
            slot += math.ceil(behind / interval)
    return runs
