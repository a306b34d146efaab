import asyncio
import unittest
from unittest.mock import AsyncMock


async def fetch_profiles(client, user_ids):
    """The code under test: fetch every profile at once, skipping missing ones."""
    results = await asyncio.gather(
        *(client.get(f"/users/{uid}") for uid in user_ids), return_exceptions=True
    )
    return [r for r in results if not isinstance(r, LookupError)]


class FetchProfilesTests(unittest.IsolatedAsyncioTestCase):
    async def test_fetches_each_profile(self):
        client = AsyncMock()  # any method is an async function: client.get(...)
        client.get.return_value = {"name": "ada"}
        profiles = await fetch_profiles(client, [1, 2])
        self.assertEqual(profiles, [{"name": "ada"}, {"name": "ada"}])  # noqa: PT009
        client.get.assert_any_await("/users/1")
        client.get.assert_any_await("/users/2")
        self.assertEqual(client.get.await_count, 2)  # noqa: PT009

    async def test_skips_a_missing_profile(self):
        client = AsyncMock()
        client.get.side_effect = [{"name": "ada"}, LookupError("no user 2")]
        profiles = await fetch_profiles(client, [1, 2])
        self.assertEqual(profiles, [{"name": "ada"}])  # noqa: PT009


if __name__ == "__main__":
    unittest.main(verbosity=2)  # the report goes to stderr, as usual for unittest
