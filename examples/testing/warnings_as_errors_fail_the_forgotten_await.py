import asyncio
import unittest


async def fetch_user(user_id):
    await asyncio.sleep(0.1)  # stands in for a network call
    return {"id": user_id, "name": "ada"}


class FetchUserTests(unittest.TestCase):  # still the wrong base class
    async def test_returns_the_user(self):
        user = await fetch_user(1)
        self.assertEqual(user["name"], "bob")  # noqa: PT009 (unittest, not pytest)


if __name__ == "__main__":
    # warnings="error" turns unittest's "returned a value" DeprecationWarning into an
    # error of the test, as `python -W error::DeprecationWarning` would.
    result = unittest.main(warnings="error", exit=False).result
    print(f"tests run: {result.testsRun}, errors: {len(result.errors)}")
    print(f"successful: {result.wasSuccessful()}")
