"""What the built site links to: edit links, the Contributing page, nothing else.

One strict build into a temporary folder, with REPO_URL set the way the
publish workflow sets it, then reads the HTML a reader's browser would get.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from checked_examples.page import find_doc_examples
from checked_examples.paths import ROOT

FORK = "https://github.com/someone/asyncio-by-example-fork"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    env = {**os.environ, "REPO_URL": FORK, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PYTHON_INVENTORY_URL", None)  # the offline inventory, as in `make docs`
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return target


def edit_link(page: str) -> str | None:
    match = re.search(r'<a href="([^"]+)" title="Edit this page"', page)
    return match[1] if match else None


def test_every_page_links_to_its_source_through_one_setting(site: Path) -> None:
    pages = sorted((ROOT / "docs").glob("*.md"))
    assert len(pages) > 3
    for source in pages:
        built = site / ("index.html" if source.stem == "index" else f"{source.stem}/index.html")
        link = edit_link(built.read_text(encoding="utf-8"))
        expected = (
            f"{FORK}/edit/main/CONTRIBUTING.md"
            if source.name == "contributing.md"
            else f"{FORK}/edit/main/docs/{source.name}"
        )
        assert link == expected, f"{built.relative_to(site)}: edit link {link!r}"


def test_no_page_asks_github_for_anything(site: Path) -> None:
    # With repo_url, Material's header shows the repository and its browser script
    # fetches stars and forks from the GitHub API: a request leaving the reader's machine.
    for built in site.rglob("*.html"):
        page = built.read_text(encoding="utf-8")
        assert 'data-md-component="source"' not in page, built
        assert "api.github.com" not in page, built


def test_the_contributing_page_shows_the_fences_to_type(site: Path) -> None:
    page = (site / "contributing/index.html").read_text(encoding="utf-8")
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    shown = re.findall(r"^--8<-- \"examples/[^\"]+\"$", contributing, re.MULTILINE)
    assert shown, "CONTRIBUTING.md no longer shows an embed line"
    for line in shown:
        assert line in text.splitlines(), f"the page does not show {line!r} as written"
    assert '```py {duration="1"}' in text


def test_the_suite_runs_no_fence_that_contributing_shows() -> None:
    # The fences in CONTRIBUTING.md are examples of syntax, not programs.
    places = {example.doc.name for example in find_doc_examples(ROOT)}
    assert places, "the finder found no example at all"
    assert not places & {"contributing.md", "CONTRIBUTING.md"}, places
