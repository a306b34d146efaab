"""The servers the suite starts for examples (checked_examples/run/services.py)."""

from __future__ import annotations

import os
import socket
import tempfile
from pathlib import Path

import psutil
import pytest

from checked_examples.run import services
from checked_examples.settings import SettingsError, parse


def test_a_fence_names_the_servers_it_needs() -> None:
    assert parse({"duration": "1", "services": "postgresql"}).services == ("postgresql",)
    assert parse({"duration": "1"}).services == ()
    with pytest.raises(SettingsError, match="names no server the suite can start"):
        parse({"duration": "1", "services": "postgres"})


def test_a_missing_server_skips_loudly_or_fails_when_required(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    running = services.Services()
    running.missing["postgresql"] = "no initdb and postgres found: install them"
    settings = parse({"duration": "1", "services": "postgresql"})
    assert not running.runs(settings)
    assert running.runs(parse({"duration": "1"}))
    monkeypatch.setattr(services, "REQUIRED", False)
    with pytest.raises(pytest.skip.Exception, match="POSTGRESQL EXAMPLES SKIPPED: no initdb"):
        running.skip_if_missing(settings)
    monkeypatch.setattr(services, "REQUIRED", True)
    with pytest.raises(pytest.fail.Exception, match="POSTGRESQL EXAMPLES REQUIRED"):
        running.skip_if_missing(settings)
    running.skip_if_missing(parse({"duration": "1"}))  # needs no server: nothing happens


def test_a_killed_runs_folder_is_deleted_by_the_next_run() -> None:
    folder = Path(tempfile.mkdtemp(prefix=services.PREFIX))
    dead = psutil.Popen(["true"])
    dead.wait()
    (folder / "owner.pid").write_text(str(dead.pid))
    services.remove_leftovers()
    assert not folder.exists()


def _servers_of(folder: Path) -> list[psutil.Process]:
    found = []
    for process in psutil.process_iter(["cmdline"]):
        if str(folder) in " ".join(process.info["cmdline"] or []):
            found.append(process)
    return found


def _folders() -> list[Path]:
    return list(Path(tempfile.gettempdir()).glob(f"{services.PREFIX}*"))


@pytest.mark.skipif(services.bindir() is None, reason="PostgreSQL's server programs are not here")
def test_the_server_listens_on_loopback_and_leaves_nothing_behind() -> None:
    before = os.environ.get(services.VARIABLE)
    earlier = set(_folders())
    with services.running(["postgresql"]) as running:
        if running.missing and not services.REQUIRED:  # e.g. root, and no postgres user
            pytest.skip(running.missing["postgresql"])
        assert running.missing == {}, running.missing
        url = os.environ[services.VARIABLE]
        assert url.startswith("postgresql://postgres@127.0.0.1:")
        port = int(url.rsplit(":", 1)[1].split("/")[0])
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            pass
        # This server's folder: not another pytest's, nor this session's examples' server.
        (folder,) = set(_folders()) - earlier
        servers = _servers_of(folder)
        assert servers, "no server process runs from the folder"
    assert os.environ.get(services.VARIABLE) == before
    assert not folder.exists()
    # Gone, not even a zombie: the suite starts the server as its child and reaps it.
    assert [p.pid for p in servers if p.is_running()] == []
