import asyncio


async def fetch_url(semaphore, url):
    async with semaphore:
        print(f"Fetching {url}")
        await asyncio.sleep(1)  # Simulate request
        return f"Response from {url}"


async def main():
    # Limit to 3 concurrent requests
    semaphore = asyncio.Semaphore(3)

    urls = [f"https://api.example.com/{i}" for i in range(10)]
    tasks = [fetch_url(semaphore, url) for url in urls]

    results = await asyncio.gather(*tasks)
    print(f"Got {len(results)} responses")


asyncio.run(main())
