"""One deployed site for the whole run, shared by the xdist workers; a server and a
Chromium in each worker.

With BROWSER_PRIORITY=lowest (make test-browser) each worker's Chromium takes the
processor only when the Run buttons' timed run beside it does not (chromium.py).

Without a Chromium the browser tests skip, and say so in the summary; with
BROWSER_TESTS=required (set by .ci/run) a missing browser fails them instead.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest

from browser import phone
from browser.accessibility import AXE_CORE
from browser.watch import Watch
from checked_examples.tools import browser_site, chromium, serve
from checked_examples.tools.site_pages import examples_by_page

REQUIRED = os.environ.get("BROWSER_TESTS") == "required"
NO_BROWSER = (
    "BROWSER TESTS SKIPPED: no Chromium found (install Debian's chromium, or set "
    "CHROMIUM_PATH). CI runs them with BROWSER_TESTS=required."
)
NO_AXE = (
    "BROWSER TESTS SKIPPED: no axe-core in node_modules/ (install Node.js and npm: "
    "`make test-browser` then installs it from package-lock.json). CI runs them with "
    "BROWSER_TESTS=required."
)


@pytest.fixture(scope="session")
def deployed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The gh-pages tree of a two-version mike deployment, made once per run.

    BROWSER_SITE_DIR, if set, names a folder to keep it in for later pytest runs (`make
    test` deploys into it while its first steps run). Session fixtures run once per xdist
    worker: the first to get here deploys into the run's temporary directory (each
    worker's own is inside it) and the others use the same tree.
    """
    run_dir = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        run_dir = run_dir.parent
    if shared := os.environ.get("BROWSER_SITE_DIR"):
        run_dir = Path(shared)  # `make test-browser`: its two pytest runs deploy once
    return browser_site.deploy_once(run_dir)


@pytest.fixture(scope="session")
def built(deployed: Path) -> Path:
    """The newest version's built site inside the deployment."""
    return deployed / browser_site.NEW


@pytest.fixture(scope="session")
def server_url(deployed: Path) -> Iterator[str]:
    with serve.serving(deployed) as url:
        yield url


@pytest.fixture(scope="session")
def site_url(server_url: str) -> str:
    return f"{server_url}{browser_site.NEW}/"


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    executable = chromium.executable()
    if executable is None:
        if REQUIRED:
            pytest.fail(NO_BROWSER.replace("SKIPPED", "REQUIRED"), pytrace=False)
        pytest.skip(NO_BROWSER)
    if not AXE_CORE.is_file():
        if REQUIRED:
            pytest.fail(NO_AXE.replace("SKIPPED", "REQUIRED"), pytrace=False)
        pytest.skip(NO_AXE)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=chromium.flags())
        if os.environ.get("BROWSER_PRIORITY") == "lowest":
            chromium.yield_processor()
        yield launched
        launched.close()


PHONE = {"viewport": phone.SIZE, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def context(browser, request: pytest.FixtureRequest):
    """A fresh browser profile (storage, clipboard) for each test: a desktop preferring
    the light scheme unless marked `scheme("dark")` or `phone`."""
    marker = request.node.get_closest_marker("scheme")
    scheme = marker.args[0] if marker else "light"
    screen = PHONE if request.node.get_closest_marker("phone") else DESKTOP
    fresh = browser.new_context(
        color_scheme=scheme, permissions=["clipboard-read", "clipboard-write"], **screen
    )
    fresh.set_default_timeout(10_000)  # a missing element fails in 10 s, not 30
    yield fresh
    fresh.close()


@pytest.fixture
def watch(context) -> Watch:
    """Every request, console message and page error the context sees."""
    return Watch(context)


@pytest.fixture
def page(context, watch: Watch):
    return context.new_page()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "scheme(name): the colour scheme the browser prefers")
    config.addinivalue_line("markers", "phone: a phone-sized touch screen instead of a desktop")
    # pytest-xdist's, named here too so that a run without xdist (-p no:xdist) knows it.
    config.addinivalue_line("markers", "xdist_group(name): tests that share one xdist worker")


# On xdist's controller: the workers that ran the tests of each xdist_group mark.
_GROUP_WORKERS: defaultdict[str, set[str]] = defaultdict(set)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    worker = getattr(report, "node", None)  # xdist's controller names the worker
    if worker is None or report.when != "setup" or "xdist_group" not in report.keywords:
        return
    # --dist loadgroup appends "@<group>" to the ids of the tests it keeps together.
    nodeid = report.nodeid
    if nodeid.rfind("@") > nodeid.rfind("]"):
        tests = f"the tests of xdist_group {nodeid.rsplit('@', 1)[1]!r}"
    else:
        tests = f"the tests of {nodeid.split('::')[0]}, whose xdist_group mark was ignored,"
    _GROUP_WORKERS[tests].add(worker.gateway.id)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Tests that share a page (and the Python it loads) must share a worker: spread
    over two, each loads it again, and the run is slower for nothing."""
    spread = {tests: workers for tests, workers in _GROUP_WORKERS.items() if len(workers) > 1}
    if not spread:
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    reporter.line("")  # after the progress dots
    for tests, workers in sorted(spread.items()):
        reporter.write_line(
            f"FAILED: {tests} ran on {len(workers)} workers ({', '.join(sorted(workers))}), "
            "not one. Run them with --dist loadgroup, and with a pytest that pytest-xdist "
            "groups them under (pyproject.toml's note on pytest).",
            red=True,
            bold=True,
        )
    session.exitstatus = pytest.ExitCode.TESTS_FAILED


def _properties(terminalreporter, wanted: str) -> list:
    """Every value the run's tests recorded as `wanted` (record_property)."""
    return [
        value
        for outcome in ("passed", "failed")
        for report in terminalreporter.stats.get(outcome, [])
        for name, value in getattr(report, "user_properties", [])
        if name == wanted
    ]


def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:
    # test_run_button.py: every page's (ran, matched), summed.
    counts = _properties(terminalreporter, "run_button")
    if counts:
        ran, matched = (sum(column) for column in zip(*counts, strict=True))
        declared = sum(
            not example.settings().browser.runs
            for examples in examples_by_page().values()
            for example in examples
        )
        terminalreporter.write_line(
            f"Run buttons on CPython 3.14 in Chromium: {ran} examples ran, {matched} matched "
            f"their checked output and times ({len(counts)} pages); {declared} examples are "
            "declared not runnable, each showing why (test_pages.py checks every page)"
        )
        share, where = max(_properties(terminalreporter, "run_button_worst"))
        terminalreporter.write_line(
            f"The line furthest from its checked time: {where}, {share:.2f} of its tolerance"
        )
    skipped = terminalreporter.stats.get("skipped", [])
    for reason in (NO_BROWSER, NO_AXE):
        if any(reason in str(report.longrepr) for report in skipped):
            terminalreporter.write_line("")
            terminalreporter.write_line(f"!!! {reason}", red=True, bold=True)
