import os

import anyio
import pytest


@pytest.fixture
def anyio_backend():
    return "asyncio"  # the plugin's default also runs each test on trio, if installed


@pytest.fixture
async def inbox():
    """An async fixture: set up and torn down on the test's own event loop."""
    send, receive = anyio.create_memory_object_stream(max_buffer_size=10)
    async with send, receive:
        yield send, receive


@pytest.mark.anyio
async def test_message_goes_through(inbox):
    send, receive = inbox
    await send.send("hello")
    assert await receive.receive() == "hello"


@pytest.mark.anyio
async def test_empty_inbox_times_out(inbox):
    _, receive = inbox
    with pytest.raises(TimeoutError), anyio.fail_after(0.1):
        await receive.receive()


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
            *("--disable-plugin-autoload", "-p", "anyio"),
            # With the terminal report off, a warning fails the run instead of
            # going unseen; only pytest's notice that a plugin was imported
            # before it could rewrite the plugin's asserts is harmless here.
            *("-W", "error", "-W", "ignore::pytest.PytestAssertRewriteWarning"),
        ],
        plugins=[OneLinePerTest()],
    )


if __name__ == "__main__":
    raise SystemExit(run_this_file())
