"""Finding the system Chromium and the flags it needs on these machines.

Playwright's own browser download does not work here, so the tests drive the
Chromium that Debian packages (or whatever CHROMIUM_PATH names).
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

import psutil

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

# Without these, Chromium phones home at start-up; on a machine with no network
# the refused connections make noise, and on any machine they are requests the
# tests would have to tell apart from the site's own.
QUIET_FLAGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--disable-gpu",
    # Any host name but 127.0.0.1 fails to resolve: a page that asks the outside world
    # for something fails here, on any machine, the way it would offline.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def executable() -> str | None:
    """CHROMIUM_PATH if set, else the first Chromium-like name on the PATH."""
    if named := os.environ.get("CHROMIUM_PATH"):
        return named if os.access(named, os.X_OK) else None
    for name in NAMES:
        if found := shutil.which(name):
            return found
    return None


def flags() -> list[str]:
    # Chromium refuses to start its sandbox as root (CI runs as root).
    sandbox = ["--no-sandbox"] if os.geteuid() == 0 else []
    return [*sandbox, *QUIET_FLAGS]


def yield_processor() -> None:
    """Give the browsers this process started the lowest processor priority, so that
    another run's timed lines take the processor first (make test-browser).

    Chromium starts in a session of its own, and Linux shares the processor between
    sessions first (autogroups): a session's weight is set in /proc/PID/autogroup, and
    `nice` alone changes nothing between sessions."""
    ours = os.getsid(0)
    for process in psutil.Process().children(recursive=True):
        with contextlib.suppress(psutil.Error, OSError):
            process.nice(19)
            # Only a session of the browser's own: ours holds the run being yielded to.
            if os.getsid(process.pid) != ours:
                Path(f"/proc/{process.pid}/autogroup").write_text("19")
