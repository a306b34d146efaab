import asyncio
import unittest


async def listen_forever(name):
    try:
        await asyncio.Event().wait()  # stands in for a background job
    finally:  # runs when the test's loop is shut down
        print(f"{name}: cancelled when the test's loop closed")


class LeftoverTaskTests(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):  # a coroutine, on the test's own loop
        print("asyncSetUp: starting a listener")
        self.listener = asyncio.create_task(listen_forever("listener"))

    async def test_forgets_the_task(self):
        print("test: runs, and never stops the listener")
        await asyncio.sleep(0.1)

    async def asyncTearDown(self):  # still on the same loop, listener still running
        print(f"asyncTearDown: listener done? {self.listener.done()}")

    def tearDown(self):  # synchronous, after asyncTearDown
        print("tearDown: then unittest shuts the loop down")


if __name__ == "__main__":
    unittest.main(verbosity=2)  # the report goes to stderr, as usual for unittest
