import asyncio
import os
import tempfile
import threading
import time
from pathlib import Path


def slow_device(path):
    # A named pipe: reading it waits for this writer, as reading a file on a slow
    # disk or a network share waits for the device.
    with open(path, "w") as pipe:
        time.sleep(0.9)  # the data comes at 1.0 s, halfway between two ticks
        pipe.write("42 readings\n")


async def heartbeat():
    loop = asyncio.get_running_loop()
    next_beat = loop.time()
    while True:
        print("tick")
        while next_beat <= loop.time():  # skip the beats it missed
            next_beat += 0.4
        await asyncio.sleep(next_beat - loop.time())


def read_data(path):  # ordinary blocking code...
    with open(path) as file:
        return file.read().strip()


async def main():
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "sensor")
        os.mkfifo(path)
        device = threading.Thread(target=slow_device, args=(path,))
        device.start()
        beat = asyncio.create_task(heartbeat())
        await asyncio.sleep(0.1)
        print(await asyncio.to_thread(read_data, path))  # ...run in a thread
        beat.cancel()
        device.join()


asyncio.run(main())
