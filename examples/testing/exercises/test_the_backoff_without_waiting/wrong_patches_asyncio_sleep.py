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

    async def fake_sleep(seconds):
        waits.append(seconds)

    # Too late: the default sleep=asyncio.sleep was read when the def ran, so
    # fetch_with_retries still holds the real one.
    real_sleep, asyncio.sleep = asyncio.sleep, fake_sleep
    try:
        assert await fetch_with_retries(flaky_fetch) == "page"
    finally:
        asyncio.sleep = real_sleep
    assert len(attempts) == 4
    assert waits == [1, 2, 4]
    print("test_retries_until_the_server_answers: passed")


asyncio.run(test_retries_until_the_server_answers())
