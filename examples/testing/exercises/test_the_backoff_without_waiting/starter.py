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

    loop = asyncio.get_running_loop()
    started = loop.time()
    assert await fetch_with_retries(flaky_fetch) == "page"
    assert len(attempts) == 4
    # The three waits, 1 + 2 + 4 s, really happen: the test takes 7 s.
    assert round(loop.time() - started) == 7
    print("test_retries_until_the_server_answers: passed")


asyncio.run(test_retries_until_the_server_answers())
