import asyncio
import os

import pytest
import pytest_asyncio


async def handle_client(reader, writer):
    """The server under test: answers each line with it in capitals."""
    while line := await reader.readline():
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


@pytest_asyncio.fixture
async def server_port():
    """A real server on 127.0.0.1, on a free port, for each test."""
    server = await asyncio.start_server(handle_client, "127.0.0.1", 0)
    yield server.sockets[0].getsockname()[1]
    server.close()
    await server.wait_closed()


@pytest.mark.asyncio
async def test_answers_in_capitals(server_port):
    reader, writer = await asyncio.open_connection("127.0.0.1", server_port)
    writer.write(b"hello\n")
    assert await reader.readline() == b"HELLO\n"
    writer.close()
    await writer.wait_closed()


@pytest.mark.asyncio
async def test_serves_two_clients_at_once(server_port):
    clients = [await asyncio.open_connection("127.0.0.1", server_port) for _ in "ab"]
    for (_, writer), word in zip(clients, (b"one\n", b"two\n"), strict=True):
        writer.write(word)
    async with asyncio.timeout(1):  # a hang fails this test, not the whole run
        answers = [await reader.readline() for reader, _ in clients]
    assert answers == [b"ONE\n", b"TWO\n"]
    for _, writer in clients:
        writer.close()
        await writer.wait_closed()


class OneLinePerTest:
    """Each test's result on a line: pytest's own report ends with a run time."""

    def pytest_runtest_logreport(self, report):
        if report.when == "call" or report.outcome != "passed":
            crash = getattr(report.longrepr, "reprcrash", None)
            why = f": {crash.message.splitlines()[0]}" if crash else ""
            outcome = "xfailed" if hasattr(report, "wasxfail") else report.outcome
            print(f"{report.head_line}: {outcome}{why}")

    def pytest_collectreport(self, report):
        if report.failed:  # e.g. an import error: say so, the report is off
            print(f"collecting {report.nodeid} failed:\n{report.longrepr}")


def run_this_file():
    """pytest on this file alone, run the same way in any folder."""
    return pytest.main(
        [
            __file__,
            # No settings from a project's pyproject.toml or pytest.ini above
            # this folder, and no cache folder left behind.
            *("-c", os.devnull, "--rootdir", os.path.dirname(__file__)),
            *("-p", "no:cacheprovider", "-p", "no:terminal"),
            # Only the plugin this file uses, whatever else is installed.
            *("--disable-plugin-autoload", "-p", "asyncio"),
            *("-o", "asyncio_default_fixture_loop_scope=function"),
            # With the terminal report off, a warning fails the run instead of
            # going unseen; only pytest's notice that a plugin was imported
            # before it could rewrite the plugin's asserts is harmless here.
            *("-W", "error", "-W", "ignore::pytest.PytestAssertRewriteWarning"),
        ],
        plugins=[OneLinePerTest()],
    )


if __name__ == "__main__":
    raise SystemExit(run_this_file())
