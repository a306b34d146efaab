import asyncio
import sqlite3
import tempfile
import time
from pathlib import Path


def pause(seconds):
    time.sleep(seconds)  # stands for a slow query: a big scan, a busy disk
    return seconds


async def heartbeat():
    loop = asyncio.get_running_loop()
    next_beat = loop.time()
    while True:
        print("tick")
        while next_beat <= loop.time():  # skip the beats it missed
            next_beat += 0.4
        await asyncio.sleep(next_beat - loop.time())


def report(path):
    # All of one connection's work in one function, run in one thread: a sqlite3
    # connection refuses to be used from a thread other than the one that made it.
    db = sqlite3.connect(path)
    db.create_function("pause", 1, pause)
    db.execute("SELECT pause(0.8)").fetchone()
    db.close()
    return "report ready"


async def main():
    with tempfile.TemporaryDirectory() as folder:
        beat = asyncio.create_task(heartbeat())
        await asyncio.sleep(0.1)
        print(await asyncio.to_thread(report, Path(folder, "shop.db")))
        beat.cancel()


asyncio.run(main())
