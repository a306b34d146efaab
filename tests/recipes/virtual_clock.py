"""An event loop whose clock is virtual, for the recipes' timing tests.

Timing tests on a shared, loaded machine either flake or need bounds so wide
that they catch nothing. The recipes read time only from the event loop
(`loop.time()`, `asyncio.sleep`, `asyncio.timeout`), so the tests run them on an
ordinary selector event loop whose clock jumps: when nothing is ready, instead
of blocking until the next timer, the selector advances the clock to it. Every
schedule is then exact to the float, and a 50-period test takes no real time.

The loop is public API throughout: `SelectorEventLoop(selector)` takes any
selector, and `time()` is the method asyncio reads its clock from.
"""

from __future__ import annotations

import asyncio
import selectors
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")

# When the virtual clock passes this many seconds, the test's program is taken to
# hang (a recipe that lost its refill, say, waits forever in virtual time).
VIRTUAL_LIMIT = 10_000.0


class VirtualSelector(selectors.DefaultSelector):
    """Polls real I/O without waiting, and jumps the clock to the next timer."""

    def __init__(self) -> None:
        super().__init__()
        self.now = 0.0

    def select(self, timeout: float | None = None):
        events = super().select(0)
        if events:
            return events
        if timeout is None:
            # Nothing scheduled and nothing ready: only another thread could wake the
            # loop (call_soon_threadsafe writes to its self-pipe). Wait for that, briefly.
            events = super().select(5.0)
            if not events:
                raise RuntimeError("virtual clock: the loop has nothing left to wait for")
            return events
        self.now += timeout
        return events


class VirtualTimeLoop(asyncio.SelectorEventLoop):
    def __init__(self) -> None:
        self.clock = VirtualSelector()
        super().__init__(self.clock)

    def time(self) -> float:
        return self.clock.now


def run_virtual(coro: Coroutine[Any, Any, T]) -> T:
    """asyncio.run(coro) on a VirtualTimeLoop, failing a run that hangs in virtual time."""

    async def bounded() -> T:
        async with asyncio.timeout(VIRTUAL_LIMIT):
            return await coro

    # asyncio.run(loop_factory=...) is 3.12+; Runner takes it on 3.11 too.
    with asyncio.Runner(loop_factory=VirtualTimeLoop) as runner:
        return runner.run(bounded())


def other_tasks() -> set[asyncio.Task[Any]]:
    """The tasks of the running loop but the test's own: what a recipe left behind."""
    return asyncio.all_tasks() - {asyncio.current_task()}
