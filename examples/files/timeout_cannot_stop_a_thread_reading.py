import asyncio
import os
import tempfile
import threading
import time
from pathlib import Path


def slow_device(path):
    with open(path, "w") as pipe:  # a named pipe, answering after 1 s
        time.sleep(1.0)
        pipe.write("42 readings\n")


def read_data(path):
    with open(path) as file:
        data = file.read().strip()
    print(f"thread: read {data!r}, for nobody")
    return data


async def main():
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "sensor")
        os.mkfifo(path)
        device = threading.Thread(target=slow_device, args=(path,))
        device.start()
        try:
            async with asyncio.timeout(0.3):
                await asyncio.to_thread(read_data, path)
        except TimeoutError:
            print("main: gave up after 0.3 s")
        await asyncio.to_thread(device.join)


asyncio.run(main())  # also waits for the thread pool's threads to finish
