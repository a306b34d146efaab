"""The code editor's bundle (checked_examples/editor/): one self-contained ES module,
built by the pinned esbuild when it is missing or stale, and left alone when current."""

from __future__ import annotations

import re

import pytest

from checked_examples import editor


@pytest.fixture(autouse=True)
def esbuild_installed() -> None:
    if not editor.ESBUILD.is_file():
        pytest.skip("no esbuild in node_modules (npm ci installs it from package-lock.json)")


def test_the_bundle_is_one_module_built_once_and_again_when_stale(tmp_path) -> None:
    assert editor.bundle(tmp_path) is None
    made = tmp_path / editor.BUNDLE
    text = made.read_text(encoding="utf-8")
    assert text.startswith("// CodeMirror 6 and Lezer (MIT licence")
    # Self-contained: no import of anything, from the site or elsewhere.
    assert not re.search(r"""\bimport\s*\(\s*["'`]|\bfrom\s*["'](?:@|\.|/|https?:)""", text)
    assert "export{" in text.replace(" ", "")
    first = made.stat().st_mtime_ns
    assert editor.bundle(tmp_path) is None
    assert made.stat().st_mtime_ns == first, "a current bundle was built again"
    made.write_text("// made from something else\n", encoding="utf-8")
    assert editor.bundle(tmp_path) is None
    assert made.read_text(encoding="utf-8") == text
