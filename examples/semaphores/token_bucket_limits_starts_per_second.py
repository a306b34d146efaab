import asyncio


class TokenBucket:
    """Let at most `rate` jobs start per `per` seconds, in bursts of up to `rate`."""

    def __init__(self, rate, per):
        self.capacity = rate
        self.tokens = rate  # start full: the first `rate` jobs go at once
        self.refill = rate / per  # tokens added per second
        self.updated = asyncio.get_running_loop().time()
        self.lock = asyncio.Lock()  # waiters queue up in arrival order

    async def acquire(self):
        loop = asyncio.get_running_loop()
        async with self.lock:
            while True:
                now = loop.time()
                self.tokens += (now - self.updated) * self.refill
                self.tokens = min(self.capacity, self.tokens)
                self.updated = now
                if self.tokens >= 1:
                    self.tokens -= 1
                    return
                await asyncio.sleep((1 - self.tokens) / self.refill)


async def job(bucket, n, t0):
    await bucket.acquire()
    started = asyncio.get_running_loop().time() - t0
    print(f"job {n} starts at {round(started * 2) / 2:.1f} s")  # to the half second
    await asyncio.sleep(1)  # long jobs: several run at once, the bucket allows it


async def main():
    bucket = TokenBucket(rate=2, per=1.0)  # 2 starts per second
    t0 = asyncio.get_running_loop().time()
    await asyncio.gather(*(job(bucket, n, t0) for n in range(6)))
    print("a burst of 2, then one start every 0.5 s")


asyncio.run(main())
