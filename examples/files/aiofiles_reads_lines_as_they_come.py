import asyncio
import os
import tempfile
import threading
import time
from pathlib import Path

import aiofiles


def slow_device(path):
    # A named pipe whose writer sends a line every 0.5 s, like a log being written.
    with open(path, "w") as pipe:
        for n in range(1, 4):
            time.sleep(0.5)
            pipe.write(f"reading {n}\n")
            pipe.flush()


async def main():
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "sensor")
        os.mkfifo(path)
        device = threading.Thread(target=slow_device, args=(path,))
        device.start()
        # Each call (open, every line, close) runs in the loop's thread pool.
        async with aiofiles.open(path) as file:
            async for line in file:
                print(f"got {line.strip()!r}")
        print("end of file")
        device.join()


asyncio.run(main())
