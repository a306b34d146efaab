import asyncio
import os
import tempfile
import threading
import time
from pathlib import Path


def sensor(path, due, reading):
    # A named pipe: reading it waits for this writer, as reading a file on a slow disk
    # or a network share waits for the device. The reading comes at its due time.
    with open(path, "w") as pipe:
        time.sleep(max(0, due - time.monotonic()))
        pipe.write(f"{reading}\n")


async def heartbeat():
    loop = asyncio.get_running_loop()
    next_beat = loop.time()
    while True:
        print("tick")
        while next_beat <= loop.time():  # skip the beats it missed
            next_beat += 0.4
        await asyncio.sleep(next_beat - loop.time())


async def read_data(path):
    # Only the open in a thread: the read after it still holds the loop.
    file = await asyncio.to_thread(open, path)
    with file:
        return file.read().strip()


async def main():
    with tempfile.TemporaryDirectory() as folder:
        paths = [Path(folder, "a"), Path(folder, "b")]
        devices = []
        # Sensor a answers at 0.6 s, sensor b at 1.0 s: between two ticks.
        for path, delay, reading in zip(paths, [0.6, 1.0], [17, 23], strict=True):
            os.mkfifo(path)
            due = time.monotonic() + delay
            devices.append(threading.Thread(target=sensor, args=(path, due, reading)))
            devices[-1].start()
        beat = asyncio.create_task(heartbeat())
        await asyncio.sleep(0.1)
        a, b = await asyncio.gather(read_data(paths[0]), read_data(paths[1]))
        print(f"sensor a: {a}, sensor b: {b}")
        beat.cancel()
        for device in devices:
            device.join()


asyncio.run(main())
