import asyncio


async def fetch_with_retries(fetch, sleep=asyncio.sleep):
    """Try up to 4 times, waiting 1, 2, then 4 s between the attempts."""
    delay = 1
    for attempt in range(1, 5):
        try:
            return await fetch()
        except ConnectionError:
            if attempt == 4:
                raise
            await sleep(delay)
            delay *= 2


async def test_retries_until_the_server_answers():
    attempts = []

    async def flaky_fetch():
        attempts.append("attempt")
        if len(attempts) < 4:
            raise ConnectionError("server busy")
        return "page"

    waits = []

    # Stands in for asyncio.sleep: it records the wait it is asked for, and returns.
    async def fake_sleep(seconds):
        waits.append(seconds)

    assert await fetch_with_retries(flaky_fetch, sleep=fake_sleep) == "page"
    assert len(attempts) == 4
    assert waits == [1, 2, 4]
    print("test_retries_until_the_server_answers: passed")


asyncio.run(test_retries_until_the_server_answers())
