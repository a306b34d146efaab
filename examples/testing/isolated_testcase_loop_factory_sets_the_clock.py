import asyncio
import selectors
import unittest


async def wait_for_reply(replies, give_up_after=10):
    """The code under test: give up on a silent server after ten seconds."""
    try:
        async with asyncio.timeout(give_up_after):
            return await replies.get()
    except TimeoutError:
        return "no reply"


class VirtualClockLoop(asyncio.SelectorEventLoop):
    """An event loop whose clock jumps to the next timer instead of waiting for it.

    Only for code that waits on timers and on itself: time jumps ahead while
    a socket or a thread would still be working."""

    def __init__(self):
        self.now = 0.0
        super().__init__(FastForwardSelector(self))

    def time(self):
        return self.now


class FastForwardSelector(selectors.DefaultSelector):
    def __init__(self, loop):
        super().__init__()
        self.loop = loop

    def select(self, timeout=None):
        ready = super().select(0)  # never block
        if not ready and timeout:
            self.loop.now += timeout  # "wait" by moving the clock to the next timer
        return ready


class TimeoutTests(unittest.IsolatedAsyncioTestCase):
    loop_factory = VirtualClockLoop  # Python 3.13+: each test's loop is made by this

    async def test_gives_up_after_ten_seconds(self):
        loop = asyncio.get_running_loop()
        result = await wait_for_reply(asyncio.Queue())
        self.assertEqual(result, "no reply")  # noqa: PT009 (unittest, not pytest)
        print(f"on the loop's clock: {loop.time():.1f} s")
        # IsolatedAsyncioTestCase runs every test in asyncio's debug mode.
        print(f"debug mode: {loop.get_debug()}")


if __name__ == "__main__":
    unittest.main(verbosity=2)  # the report goes to stderr, as usual for unittest
