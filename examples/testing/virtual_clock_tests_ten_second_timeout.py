import asyncio
import selectors
import time
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


class TimeoutTests(unittest.TestCase):
    def test_gives_up_after_ten_seconds(self):
        started = time.perf_counter()
        with asyncio.Runner(loop_factory=VirtualClockLoop) as runner:
            result = runner.run(wait_for_reply(asyncio.Queue()))
            virtual = runner.get_loop().time()
        real = time.perf_counter() - started
        self.assertEqual(result, "no reply")  # noqa: PT009 (unittest, not pytest)
        self.assertAlmostEqual(virtual, 10)  # noqa: PT009
        print(f"on the loop's clock: {virtual:.1f} s")
        print(f"on the wall clock: {'under' if real < 0.5 else 'over'} 0.5 s")

    def test_reply_in_time_is_returned(self):
        async def reply_after_nine_seconds(replies):
            await asyncio.sleep(9)
            await replies.put("pong")

        async def scenario():
            replies = asyncio.Queue()
            async with asyncio.TaskGroup() as tg:
                tg.create_task(reply_after_nine_seconds(replies))
                answer = tg.create_task(wait_for_reply(replies))
            return answer.result(), asyncio.get_running_loop().time()

        with asyncio.Runner(loop_factory=VirtualClockLoop) as runner:
            answer, virtual = runner.run(scenario())
        self.assertEqual(answer, "pong")  # noqa: PT009 (unittest, not pytest)
        print(f"reply after {virtual:.1f} s on the loop's clock")


if __name__ == "__main__":
    unittest.main(verbosity=2)  # the report goes to stderr, as usual for unittest
