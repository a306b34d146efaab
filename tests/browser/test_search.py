"""Search finds a page by a word from its body, and its result takes the reader there;
its index is fetched only once the reader opens search. Names from the API and pasted
messages find the page that answers them first (checked_examples/tools/search_ranks.py)."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

from checked_examples.tools.search_ranks import QUERIES, rank, results_for

_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[a-z]{9,}")


def a_body_word(built: Path) -> tuple[str, str]:
    """A long word that only one lesson's body uses and no title does, and that lesson.

    Read from the built search index, so the test follows the pages as they change
    instead of betting on a word someone may edit away.
    """
    index = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages_by_word: dict[str, set[str]] = defaultdict(set)
    in_titles: set[str] = set()
    for doc in index["docs"]:
        page = doc["location"].split("#")[0]
        in_titles.update(_WORD.findall(_TAG.sub(" ", doc["title"]).lower()))
        for word in _WORD.findall(_TAG.sub(" ", doc["text"]).lower()):
            pages_by_word[word].add(page)
    candidates = sorted(
        (word, next(iter(pages)))
        for word, pages in pages_by_word.items()
        if len(pages) == 1 and word not in in_titles and next(iter(pages))
    )
    assert candidates, "no word belongs to one lesson's body alone: the pick needs rethinking"
    return candidates[0]


def test_search_finds_a_page_by_a_body_word_and_opens_it(page, watch, site_url, built) -> None:
    word, target = a_body_word(built)
    page.goto(site_url, wait_until="networkidle")
    index = [url for url in watch.requested if url.endswith("/search/search_index.json")]
    assert index == [], "the search index loads before the reader opens search (main.html)"
    box = page.get_by_role("textbox", name="Search")
    box.click()
    # Typed key by key as a reader does: Material does not always search on fill()'s
    # single input event.
    box.press_sequentially(word, delay=30)
    results = page.locator(".md-search-result__link")
    results.first.wait_for(state="attached", timeout=10_000)
    hrefs = [urlsplit(href).path for href in results.evaluate_all("els => els.map(e => e.href)")]
    wanted = urlsplit(site_url + target).path
    assert wanted in hrefs, f"searching {word!r}: {target} is not among the results {hrefs}"

    # A page's own entry is drawn folded above its sections: click what a reader sees.
    shown = [i for i, href in enumerate(hrefs) if href == wanted and results.nth(i).is_visible()]
    assert shown, f"searching {word!r}: the result for {target} is not visible"
    results.nth(shown[0]).click()
    page.wait_for_url(re.compile(re.escape(site_url + target)))
    assert word in page.locator("article").inner_text().lower()
    assert watch.problems() == [], "\n".join(watch.problems())


def test_search_puts_the_answering_page_first(page, watch, site_url) -> None:
    """Each name from the API and each message pasted whole finds the page that answers it
    as the first result (search_ranks.QUERIES). One tab for them all, as a reader searches
    again and again: Material builds its index once per page load, seconds of a core."""
    misses = []
    for query, wanted in QUERIES.items():
        pages = results_for(page, site_url, query)
        if not pages or pages[0] != wanted:
            misses.append(
                f"searching {query!r}: {wanted} is result {rank(pages, wanted)} "
                f"(None: not found); the first five are {pages[:5]}"
            )
    assert misses == [], "\n".join(misses)
    assert watch.problems() == [], "\n".join(watch.problems())
