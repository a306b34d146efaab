"""The site's pages, named as URL paths relative to the site root, read from docs/."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from ..page import DocExample, find_doc_examples
from ..paths import ROOT

DOCS = ROOT / "docs"


def url_path(doc: Path) -> str:
    """docs/index.md -> '', docs/timeouts.md -> 'timeouts/' (MkDocs' directory URLs)."""
    relative = doc.relative_to(DOCS).with_suffix("")
    if relative.name == "index":
        relative = relative.parent
    return "" if str(relative) == "." else f"{relative.as_posix()}/"


def all_pages() -> list[str]:
    docs = sorted(p for p in DOCS.rglob("*.md") if "_support" not in p.relative_to(DOCS).parts)
    return [url_path(doc) for doc in docs]


def page_id(path: str) -> str:
    return path.rstrip("/") or "home"


def heaviest_lesson(built: Path) -> str:
    """The lesson whose built HTML is largest: the page most likely to be slow or to overflow."""
    lessons = [path for path in all_pages() if path]
    return max(lessons, key=lambda path: (built / path / "index.html").stat().st_size)


def examples_by_page() -> dict[str, list[DocExample]]:
    """The examples each page embeds, in page order, keyed by the page's URL path."""
    found: dict[str, list[DocExample]] = defaultdict(list)
    for example in find_doc_examples(ROOT):
        found[url_path(example.doc)].append(example)
    return dict(found)


# Opens the <details> and selects the tab a block is in, so that a reader could see it.
REVEAL = """block => {
  for (let d = block.closest("details"); d; d = d.parentElement.closest("details")) d.open = true;
  const up = el => el.parentElement.closest(".tabbed-block");
  for (let tab = block.closest(".tabbed-block"); tab; tab = up(tab)) {
    const index = [...tab.parentElement.children].indexOf(tab);
    tab.closest(".tabbed-set").querySelectorAll(":scope > input")[index].click();
  }
}"""
