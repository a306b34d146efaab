import asyncio
import tempfile
import threading
import time
from pathlib import Path


def read_from_slow_disk(path):
    """A plain, blocking read, as every file read in Python is."""
    time.sleep(0.3)  # stands in for a slow disk or a network share
    text = path.read_text()
    in_worker = threading.current_thread() is not threading.main_thread()
    return f"{path.name}: {text!r}, read in a worker thread: {in_worker}"


async def main():
    with tempfile.TemporaryDirectory() as folder:
        paths = [Path(folder, f"part{n}.txt") for n in range(3)]
        for n, path in enumerate(paths):
            path.write_text(f"part {n}")
        # Three reads, each in a thread of the loop's default pool, all at once.
        lines = await asyncio.gather(
            *(asyncio.to_thread(read_from_slow_disk, path) for path in paths)
        )
    for line in lines:
        print(line)
    print("3 reads of 0.3 s each, about 0.3 s in all")


asyncio.run(main())
