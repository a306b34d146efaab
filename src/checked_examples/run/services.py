"""Servers that examples talk to (`services="postgresql"` in a fence), started by the suite.

For the run, the suite starts a throwaway PostgreSQL of its own: a data directory made
for it in the temporary folder, listening on 127.0.0.1 alone (no Unix socket) on a port
that was free, and stopped and deleted when the session ends, after a failure or Ctrl-C
too (pytest runs session teardown on KeyboardInterrupt). A run killed outright (SIGKILL)
cannot clean up; the next run stops and deletes what it left. The examples find the
server in DATABASE_URL, the variable they read, as a reader's program would.

Without PostgreSQL's server programs those examples skip, and the reason says what to
install; with EXAMPLE_SERVICES=required (.ci/run, the check workflow's Linux jobs) they
fail instead, so CI cannot go green without running them.

Why not pytest-postgresql's `postgresql_proc` factory, which does the same with pg_ctl:
it runs pg_ctl as the user running pytest, which on these machines and in CI is root,
and initdb refuses root; its data directory sits in pytest's temporary folder, which is
root's alone (0700), so no other user could run the server there; and its plugin imports
psycopg, which needs the libpq library at import, so a machine without PostgreSQL would
fail at pytest's start instead of skipping. What is left is initdb and the server as
this process's child, below.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import psutil
import pytest

REQUIRED = os.environ.get("EXAMPLE_SERVICES") == "required"
VARIABLE = "DATABASE_URL"
# Each server's folder, in the temporary folder: a later run finds a killed run's by it.
PREFIX = "asyncio-by-example-postgresql-"
_C_LOCALE = {**os.environ, "LC_ALL": "C", "LANG": "C"}
INSTALL = (
    "install PostgreSQL's server programs (Debian/Ubuntu: apt-get install postgresql; "
    "macOS: brew install postgresql@17)"
)


class Unavailable(Exception):
    """The server cannot run here; the message says why and what to install."""


def bindir() -> Path | None:
    """The folder holding initdb and postgres. Debian keeps them out of PATH, in
    /usr/lib/postgresql/<version>/bin, which `pg_config --bindir` names."""
    candidates = []
    if found := shutil.which("initdb"):
        candidates.append(Path(found).parent)
    if pg_config := shutil.which("pg_config"):
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            out = subprocess.run(
                [pg_config, "--bindir"], capture_output=True, text=True, timeout=10, check=True
            )
            candidates.append(Path(out.stdout.strip()))
    # pg_config comes with libpq-dev, which a server install may lack: newest version first.
    versions = glob.glob("/usr/lib/postgresql/*/bin")
    candidates += [Path(p) for p in sorted(versions, key=_version_key, reverse=True)]
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "postgres").is_file():
            return folder
    return None


def _version_key(path: str) -> tuple[int, ...]:
    version = Path(path).parent.name
    return tuple(int(part) for part in version.split(".") if part.isdigit())


def _server_user() -> pwd.struct_passwd | None:
    """Who runs the server: ourselves, or, for root, the `postgres` system user.

    initdb and postgres refuse to run as root (a server that a SQL injection could turn
    into root). Debian's package creates a `postgres` system user for its own clusters;
    subprocess starts initdb and postgres as that user (setuid/setgid in the child, with
    root's supplementary groups dropped), in a folder the user owns. No sudo or runuser:
    only what Python does itself.
    """
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam("postgres")
    except KeyError:
        raise Unavailable(
            "running as root, which PostgreSQL refuses, and there is no 'postgres' user to "
            "run the server as: create one (useradd --system postgres) or " + INSTALL.split(" (")[0]
        ) from None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PostgreSQL:
    """One throwaway server; `start()` then `stop()`, which also deletes its folder."""

    def __init__(self) -> None:
        folder = bindir()
        if folder is None:
            raise Unavailable(f"no initdb and postgres found (PATH, pg_config --bindir): {INSTALL}")
        self.bin = folder
        self.user = _server_user()
        self.folder = Path(tempfile.mkdtemp(prefix=PREFIX))
        (self.folder / "owner.pid").write_text(str(os.getpid()))
        if self.user:
            os.chown(self.folder, self.user.pw_uid, self.user.pw_gid)
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self.port = 0
        self.server: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _as_user(self) -> dict:
        if not self.user:
            return {}
        return dict(user=self.user.pw_uid, group=self.user.pw_gid, extra_groups=[])

    def _run(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.bin / args[0]), *args[1:]],
            cwd=self.folder,  # a folder the server's user may enter (not root's home)
            env=_C_LOCALE,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            **self._as_user(),
        )

    def start(self) -> None:
        made = self._run(
            "initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust",
            "-E", "UTF8", "--locale=C", "--no-sync",
        )  # fmt: skip
        if made.returncode:
            raise Unavailable(f"initdb failed:\n{made.stdout}{made.stderr}")
        for _attempt in range(3):  # the free port may be taken before the server binds it
            self.port = _free_port()
            if self._start_server():
                self._warm_up()
                return
        log = self.log.read_text(errors="replace") if self.log.exists() else ""
        raise Unavailable(f"postgres did not start:\n{log}")

    def _start_server(self, timeout: float = 60) -> bool:
        """Start `postgres` as this process's own child, not through `pg_ctl start`,
        which daemonizes it: a daemon that exits waits for PID 1 to reap it, and this
        process reaps its own child in `stop()`. Ready when postmaster.pid's status line
        says so (PostgreSQL 10 and later write it there)."""
        with self.log.open("ab") as log:
            self.server = subprocess.Popen(
                [
                    str(self.bin / "postgres"), "-D", str(self.data), "-p", str(self.port),
                    "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
                    "-c", "fsync=off", "-c", "synchronous_commit=off",
                    "-c", "full_page_writes=off",
                ],
                cwd=self.folder, env=_C_LOCALE, stdin=subprocess.DEVNULL,
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                preexec_fn=_stopped_when_the_suite_dies(), **self._as_user(),
            )  # fmt: skip
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.server.poll() is not None:
                self.server = None  # it exited (a port taken since): the log says why
                return False
            with contextlib.suppress(OSError, IndexError):
                if (self.data / "postmaster.pid").read_text().splitlines()[7].strip() == "ready":
                    return True
            time.sleep(0.05)
        self._stop_server()
        return False

    def _stop_server(self) -> None:
        """Fast shutdown (SIGINT: roll back open transactions, close connections), then
        reap the process; SIGKILL after 30 s, its backends exit with it."""
        if self.server is None:
            return
        with contextlib.suppress(ProcessLookupError):
            self.server.send_signal(signal.SIGINT)
        try:
            self.server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.server.kill()
            self.server.wait()
        self.server = None

    def _warm_up(self) -> None:
        """Log in once before the examples do. A new server's first login writes the
        catalog cache files that later logins read; without them, five examples logging
        in at once, on a busy machine, printed their lines up to 0.3 s late."""
        if (self.bin / "psql").is_file():
            self._run(
                "psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                "-d", "postgres", "-c", "SELECT count(*) FROM pg_stat_activity",
            )  # fmt: skip

    def stop(self) -> None:
        try:
            self._stop_server()
            # Interrupted before Popen returned: find it by its folder.
            for process in psutil.process_iter(["cmdline"]):
                if str(self.data) in " ".join(process.info["cmdline"] or []):
                    with contextlib.suppress(psutil.Error):
                        process.kill()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def _stopped_when_the_suite_dies():
    """What the server's process runs before it starts (Linux): have the kernel send it
    SIGINT, a fast shutdown, when the suite's process ends without stopping it (killed,
    timed out), so that no server outlives the run. Looked up here, in the suite, as a
    forked child should import nothing. Elsewhere None: the next run's remove_leftovers()
    removes such a server."""
    try:
        import ctypes

        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    pr_set_pdeathsig = 1
    return lambda: prctl(pr_set_pdeathsig, signal.SIGINT)


def _kill_postmaster(data: Path) -> None:
    """SIGKILL the server whose data directory this is; its backends exit with it."""
    with contextlib.suppress(OSError, ValueError, IndexError):
        pid = int((data / "postmaster.pid").read_text().split()[0])
        os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            os.kill(pid, 0)  # raises once it is gone
            time.sleep(0.05)


def remove_leftovers() -> None:
    """Stop and delete the servers of earlier runs that were killed before cleaning up."""
    for folder in Path(tempfile.gettempdir()).glob(PREFIX + "*"):
        try:
            owner = int((folder / "owner.pid").read_text())
            os.kill(owner, 0)
            continue  # a run still going (another pytest beside this one)
        except (OSError, ValueError):
            pass
        _kill_postmaster(folder / "data")
        shutil.rmtree(folder, ignore_errors=True)


class Services:
    """The servers this run's examples need, each started or with why it could not be."""

    def __init__(self) -> None:
        self.missing: dict[str, str] = {}

    def skip_if_missing(self, settings) -> None:
        """Skip (or, with EXAMPLE_SERVICES=required, fail) an example whose server
        could not start; examples that need none pass through."""
        for name in settings.services if settings else ():
            if reason := self.missing.get(name):
                message = f"{name.upper()} EXAMPLES SKIPPED: {reason}"
                if REQUIRED:
                    pytest.fail(
                        message.replace("SKIPPED", "REQUIRED") + " (EXAMPLE_SERVICES=required)",
                        pytrace=False,
                    )
                pytest.skip(message + ". CI runs them with EXAMPLE_SERVICES=required.")

    def runs(self, settings) -> bool:
        return not any(name in self.missing for name in (settings.services if settings else ()))


@contextlib.contextmanager
def running(needed: Iterable[str]) -> Iterator[Services]:
    """Start the servers in `needed`, put their addresses in os.environ (which each
    example's environment copies), and stop and delete them on the way out."""
    services = Services()
    if "postgresql" not in set(needed):
        yield services
        return
    remove_leftovers()
    server = None
    saved = os.environ.get(VARIABLE)
    try:
        try:
            server = PostgreSQL()
            server.start()
        except Unavailable as why:
            services.missing["postgresql"] = str(why)
        else:
            os.environ[VARIABLE] = server.url
        yield services
    finally:
        if saved is None:
            os.environ.pop(VARIABLE, None)
        else:
            os.environ[VARIABLE] = saved
        if server is not None:
            server.stop()
