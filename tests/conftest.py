"""Plumbing for `--update-examples` (an option pytest-examples defines).

Tests record the output they saw in `config.example_updates`. With xdist each
worker hands its records to the controller when it finishes, and only the
controller rewrites pages, once, after every test has run.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from example_harness import rewrite

ROOT = Path(__file__).resolve().parent.parent


def pytest_configure(config: pytest.Config) -> None:
    config.example_updates = []
    config.example_update_report = None


def pytest_testnodedown(node, error) -> None:  # xdist controller, once per worker
    records = json.loads(node.workeroutput.get("example_updates", "[]"))
    node.config.example_updates.extend(rewrite.Update(**record) for record in records)


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session) -> None:
    config = session.config
    if not config.getoption("update_examples"):
        return
    if hasattr(config, "workerinput"):  # a worker: hand over, never write
        config.workeroutput["example_updates"] = json.dumps(
            [update.to_dict() for update in config.example_updates]
        )
        return
    written, refused = rewrite.apply(config.example_updates, ROOT)
    config.example_update_report = (len(config.example_updates), written, refused)
    if refused:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:
    if config.example_update_report is None:
        return
    checked, written, refused = config.example_update_report
    terminalreporter.section("update-examples")
    terminalreporter.write_line(
        f"{checked} example(s) ran cleanly; {len(written)} page(s) rewritten"
        + "".join(f"\n  rewrote {Path(doc).relative_to(ROOT)}" for doc in written)
    )
    for refusal in refused:
        terminalreporter.write_line(f"REFUSED: {refusal}", red=True)
