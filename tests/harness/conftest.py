"""The one-page project that the harness's end-to-end tests break (one_page.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import checked_examples
from harness.one_page import OnePage


@pytest.fixture
def project(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> OnePage:
    # The child pytest imports the package these tests import, also from an environment
    # that finds it through pyproject's pythonpath (src/) rather than the Makefile's .pth.
    package_root = str(Path(checked_examples.__file__).resolve().parents[1])
    monkeypatch.setenv(
        "PYTHONPATH", os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))
    )
    return OnePage(pytester)
