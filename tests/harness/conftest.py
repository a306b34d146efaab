"""The one-page project that the harness's end-to-end tests break (one_page.py)."""

from __future__ import annotations

import pytest

from harness.one_page import OnePage


@pytest.fixture
def project(pytester: pytest.Pytester) -> OnePage:
    return OnePage(pytester)
