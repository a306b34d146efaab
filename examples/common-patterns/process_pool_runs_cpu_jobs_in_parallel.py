import asyncio
import hashlib
from concurrent.futures import ProcessPoolExecutor


def slow_hash(word, rounds):
    """CPU-bound: hash a word many times over (a few hundredths of a second here)."""
    digest = word.encode()
    for _ in range(rounds):
        digest = hashlib.sha256(digest).digest()
    return f"{word}: {digest.hex()[:12]}"


async def main():
    loop = asyncio.get_running_loop()
    words = ["alpha", "beta", "gamma", "delta"]
    with ProcessPoolExecutor() as pool:  # one worker per CPU core by default
        jobs = [loop.run_in_executor(pool, slow_hash, word, 100_000) for word in words]
        for line in await asyncio.gather(*jobs):
            print(line)


if __name__ == "__main__":  # required: worker processes may import this file
    asyncio.run(main())
