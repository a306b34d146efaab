"""A link check of a built site: every internal link and anchor resolves, raw HTML
included, and nothing the pages load comes from another host.

MkDocs' own validation checks Markdown links and anchors; HTML written into a page
(and what themes and hooks emit) is only checked here. Links to other sites are
not followed (the site and its tests work offline).
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

# What a browser fetches while showing the page, as opposed to links a reader follows.
_LOADED = {
    ("script", "src"),
    ("img", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("audio", "src"),
    ("video", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("image", "href"),
    ("use", "href"),
    ("use", "xlink:href"),
}
_LOADED_RELS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch"}
_FOLLOWED = {("a", "href"), ("area", "href")}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.followed: list[str] = []
        self.loaded: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        rels = set(values.get("rel", "").lower().split())
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        for name, value in values.items():
            if (tag, name) in _FOLLOWED:
                self.followed.append(value)
            elif (tag, name) in _LOADED or (
                (tag, name) == ("link", "href") and rels & _LOADED_RELS
            ):
                self.loaded.append((tag, value))
        if tag == "img" and values.get("srcset"):
            self.loaded += [("img", item.split()[0]) for item in values["srcset"].split(",")]


def _parse(file: Path) -> _Page:
    page = _Page()
    page.feed(file.read_text(encoding="utf-8"))
    return page


def check(site: Path) -> list[str]:
    """Every problem found in the site served from `site`, one line each.

    A path starting with / is taken from `site`, the server's root.
    """
    site = site.resolve()
    pages = {file: _parse(file) for file in sorted(site.rglob("*.html"))}
    problems = []
    for file, page in pages.items():
        here = file.relative_to(site).as_posix()
        for tag, url in page.loaded:
            parts = urlsplit(url)
            if parts.scheme in ("http", "https") or url.startswith("//"):
                problems.append(f"{here}: <{tag}> loads {url} from outside the site")
            elif parts.scheme not in ("", "data"):
                problems.append(f"{here}: <{tag}> loads {url}, which is not a file of the site")
            elif parts.scheme == "" and parts.path and _target(site, file, parts.path) is None:
                problems.append(f"{here}: <{tag}> loads {url}: no such file")
        for url in page.followed:
            parts = urlsplit(url)
            if parts.scheme or url.startswith("//"):
                continue  # another site, mail, javascript: not followed offline
            target = _target(site, file, parts.path) if parts.path else file
            if target is None:
                problems.append(f"{here}: link {url}: no such page or file")
                continue
            anchor = unquote(parts.fragment)
            if anchor and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if anchor not in ids:
                    where = target.relative_to(site).as_posix()
                    problems.append(f'{here}: link {url}: no id "{anchor}" in {where}')
    return problems


def _target(site: Path, page: Path, path: str) -> Path | None:
    """The file a link's path names, as a static host resolves it, or None."""
    path = unquote(path)
    if path.startswith("/"):
        candidate = site / path.lstrip("/")
    else:
        candidate = page.parent / PurePosixPath(path)
    candidate = Path(candidate.resolve() if candidate.exists() else candidate)
    if candidate.is_dir():
        candidate = candidate / "index.html"
    if not candidate.is_file():
        return None
    try:
        candidate.resolve().relative_to(site.resolve())
    except ValueError:
        return None  # outside the built site
    return candidate.resolve()
