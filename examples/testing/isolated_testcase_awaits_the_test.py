import asyncio
import unittest


async def fetch_user(user_id):
    await asyncio.sleep(0.1)  # stands in for a network call
    if user_id < 0:
        raise ValueError("user ids are positive")
    return {"id": user_id, "name": "ada"}


class FetchUserTests(unittest.IsolatedAsyncioTestCase):  # a fresh loop per test
    async def test_returns_the_user(self):
        user = await fetch_user(1)
        self.assertEqual(user["name"], "ada")  # noqa: PT009 (unittest, not pytest)

    async def test_rejects_a_negative_id(self):
        with self.assertRaises(ValueError):  # noqa: PT027 (unittest, not pytest)
            await fetch_user(-1)

    async def test_answers_within_a_second(self):
        async with asyncio.timeout(1):  # a hang fails the test instead of the run
            await fetch_user(2)


if __name__ == "__main__":
    unittest.main(verbosity=2)  # the report goes to stderr, as usual for unittest
