"""What an example left open when it ended: threads still running and sockets not closed.

The harness copies this file beside the child's `sitecustomize`, which registers `check`
with atexit before anything else, so it runs after the program's own exit handlers. By
then the interpreter has joined every non-daemon thread and `asyncio.run` has closed its
loop and its executor, so a thread still alive is a daemon the program never stopped, and
a socket still open is one nothing closed (a server without `close()`, a connection
without `wait_closed()`...). Child processes are checked by the runner, which sees the
whole process group after the example has exited.
"""

from __future__ import annotations

import os
import socket
import stat
import threading
import time


def running_threads(grace: float = 0.5) -> list[str]:
    """Threads still running `grace` seconds after the program ended.

    The grace lets a thread that is already on its way out finish: on 3.11 asyncio waits
    for each child process in a daemon thread ("asyncio-waitpid-N") that hands the exit
    status to the loop and only then returns, a moment after the program has it.
    """
    deadline = time.monotonic() + grace
    main = threading.main_thread()
    others = [thread for thread in threading.enumerate() if thread is not main]
    for thread in others:
        thread.join(max(0.0, deadline - time.monotonic()))
    return [
        f"thread {thread.name!r}{' (daemon)' if thread.daemon else ''}"
        for thread in others
        if thread.is_alive()
    ]


def open_sockets() -> list[str]:
    found = []
    for name in os.listdir("/dev/fd"):  # Linux and macOS
        fd = int(name)
        try:
            if not stat.S_ISSOCK(os.fstat(fd).st_mode):
                continue
        except OSError:
            continue  # the listing's own descriptor, closed by now
        found.append(f"socket (file descriptor {fd}){_describe(fd)}")
    return found


def _describe(fd: int) -> str:
    try:
        sock = socket.socket(fileno=fd)
    except OSError:
        return ""
    try:
        local = sock.getsockname()
        try:
            peer = f", connected to {sock.getpeername()}"
        except OSError:
            peer = ""
        return f" bound to {local}{peer}" if local else peer
    except OSError:
        return ""
    finally:
        sock.detach()  # only looking: the descriptor stays the program's


def report(path: str) -> None:
    left = running_threads() + open_sockets()
    if not left:
        return
    with open(path, "a", encoding="utf-8") as file:
        file.write(
            "the example left these behind when it ended: "
            + "; ".join(left)
            + ". Close servers and connections (close() + await wait_closed()) and stop "
            "threads before the program ends.\n"
        )
