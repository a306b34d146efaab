import asyncio
import unittest


async def fetch_user(user_id):
    await asyncio.sleep(0.1)  # stands in for a network call
    return {"id": user_id, "name": "ada"}


class FetchUserTests(unittest.TestCase):  # the wrong base class for async tests
    async def test_returns_the_user(self):
        user = await fetch_user(1)
        # Wrong on purpose: this test should fail.
        self.assertEqual(user["name"], "bob")  # noqa: PT009 (unittest, not pytest)


if __name__ == "__main__":
    unittest.main()
