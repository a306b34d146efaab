"""The built site's links and anchors all resolve and it loads nothing from elsewhere;
and the check itself catches each kind of fault (no browser needed for any of this)."""

from __future__ import annotations

from pathlib import Path

from browser.links import check


def test_every_link_anchor_and_loaded_file_of_the_deployed_site_resolves(deployed: Path) -> None:
    # The whole mike deployment: both versions, the alias and the root redirect. Pages
    # such as 404.html link from the server's root (/0.2/...), so that is the root here.
    problems = check(deployed)
    assert problems == [], "\n".join(problems)


def site(tmp_path: Path, body: str) -> Path:
    (tmp_path / "lesson").mkdir()
    (tmp_path / "lesson" / "index.html").write_text('<h2 id="here">Here</h2>')
    (tmp_path / "style.css").write_text("")
    (tmp_path / "index.html").write_text(f'<link rel="stylesheet" href="style.css">{body}')
    return tmp_path


def test_sound_links_pass(tmp_path: Path) -> None:
    body = (
        '<a href="lesson/">x</a><a href="lesson/#here">x</a><a href="#top" id="top">x</a>'
        '<a href="https://docs.python.org/3/">x</a><link rel="canonical" href="https://x.org/">'
    )
    assert check(site(tmp_path, body)) == []


def test_a_broken_anchor_in_raw_html_is_caught(tmp_path: Path) -> None:
    problems = check(site(tmp_path, '<a href="lesson/#gone">x</a>'))
    assert problems == ['index.html: link lesson/#gone: no id "gone" in lesson/index.html']


def test_a_broken_anchor_on_the_same_page_is_caught(tmp_path: Path) -> None:
    assert check(site(tmp_path, '<a href="#gone">x</a>')) == [
        'index.html: link #gone: no id "gone" in index.html'
    ]


def test_a_missing_page_is_caught(tmp_path: Path) -> None:
    assert check(site(tmp_path, '<a href="../lessons/">x</a>')) == [
        "index.html: link ../lessons/: no such page or file"
    ]


def test_a_file_loaded_from_another_host_is_caught(tmp_path: Path) -> None:
    body = (
        '<img src="https://example.org/cat.png" alt=""><script src="//cdn.example/x.js"></script>'
    )
    assert check(site(tmp_path, body)) == [
        "index.html: <img> loads https://example.org/cat.png from outside the site",
        "index.html: <script> loads //cdn.example/x.js from outside the site",
    ]


def test_a_missing_stylesheet_is_caught(tmp_path: Path) -> None:
    assert check(site(tmp_path, '<link rel="stylesheet" href="gone.css">')) == [
        "index.html: <link> loads gone.css: no such file"
    ]
