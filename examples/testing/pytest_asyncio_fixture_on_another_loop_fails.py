import asyncio
import os
import re

import pytest
import pytest_asyncio


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def connection():
    """One server and one connection for the whole module, made on its own loop."""
    server_side_closed = asyncio.Event()

    async def echo(reader, writer):
        while line := await reader.readline():
            writer.write(line)
        writer.close()
        await writer.wait_closed()
        server_side_closed.set()

    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    yield reader, writer
    writer.close()
    await writer.wait_closed()
    await server_side_closed.wait()  # both ends closed: nothing left to leak
    server.close()
    await server.wait_closed()


@pytest.mark.xfail(raises=RuntimeError, strict=True)  # the pitfall, shown
@pytest.mark.asyncio  # a loop of its own: the default loop_scope="function"
async def test_on_a_loop_of_its_own(connection):
    reader, writer = connection
    writer.write(b"ping\n")
    assert await reader.readline() == b"ping\n"


@pytest.mark.asyncio(loop_scope="module")  # the fix: the fixture's loop
async def test_on_the_fixtures_loop(connection):
    reader, writer = connection
    writer.write(b"ping\n")
    assert await reader.readline() == b"ping\n"


class OneLinePerTest:
    """Each test's result on a line: pytest's own report ends with a run time."""

    def pytest_runtest_logreport(self, report):
        if report.when == "call" or report.outcome != "passed":
            crash = getattr(report.longrepr, "reprcrash", None)
            why = f": {elide_reprs(crash.message)}" if crash else ""
            outcome = "xfailed" if hasattr(report, "wasxfail") else report.outcome
            print(f"{report.head_line}: {outcome}{why}")

    def pytest_collectreport(self, report):
        if report.failed:  # e.g. an import error: say so, the report is off
            print(f"collecting {report.nodeid} failed:\n{report.longrepr}")


def elide_reprs(message):
    """Task and future reprs name files and ids that change from run to run."""
    while re.search(r"<[^<>]*>", message):
        message = re.sub(r"<[^<>]*>", "\0", message)
    return message.replace("\0", "<...>")


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
