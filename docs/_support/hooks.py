"""MkDocs hooks: what only MkDocs can do, or only MkDocs needs.

The examples are rendered by Python-Markdown extension code (src/checked_examples/
markdown/), which any engine that reads mkdocs.yml runs. What is left here needs
MkDocs' own objects or events:

- the offline stdlib inventory: mkdocstrings (a MkDocs plugin) reads inventories
  from URLs only, so the list is compiled into a file it can fetch;
- edit links: MkDocs builds them from edit_uri, set here from extra.repository,
  and the Contributing page's points at CONTRIBUTING.md, the file to edit;
- the orphan-example warning: a check of the whole build, after every page;
- an example fence's error named with its page, `docs/<page>.md:<line>`, as the
  suite names it: the extension knows the line, MkDocs knows the page;
- the version selector in mike's builds only: elsewhere there is no versions.json.

What a reader sees needs none of them: the Run button's script is an extra_javascript
entry, and its runtime is among the site's own files (src/checked_examples/runtime.py),
so Zensical, which ignores hooks, builds the same pages.

Each hook calls named functions below; the functions are plain and testable.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import zlib
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from checked_examples import checker, runtime
from checked_examples.embed import EMBED, example_files
from checked_examples.exercise import files_of_embed
from checked_examples.markdown.fences import ExampleFenceError
from checked_examples.markdown.include import INCLUDE
from checked_examples.paths import ROOT

# Pull requests target main, so edits are proposed against it whatever version is read.
EDIT_BRANCH = "main"


@event_priority(100)  # before mkdocstrings starts loading its inventories
def on_config(config):
    use_offline_python_inventory(config)
    config["edit_uri"] = edit_uri(config["extra"].get("repository"))
    keep_version_selector_for_mike(config, os.environ)
    if not runtime.installed():
        log.info(
            f"No Run buttons: {runtime.missing() or 'run `python -m checked_examples runtime`'}"
        )
    return config


def keep_version_selector_for_mike(config, environ) -> None:
    """Drop Material's version selector from builds that mike does not make.

    The selector loads versions.json from the folder above the site, which only a mike
    deployment has: `make serve` and `make docs` would log a 404 for it on every page.
    mike sets MIKE_DOCS_VERSION for each build it makes.
    """
    if not environ.get("MIKE_DOCS_VERSION"):
        config["extra"].pop("version", None)


# Every examples/ file a page embeds, so that on_post_build can name the ones none does.
_embedded: set[Path] = set()
# The page being built: MkDocs renders pages one at a time, after on_page_markdown.
_current_page: list[str] = []
log = logging.getLogger("mkdocs.plugins.asyncio_by_example")


def on_pre_build(config):
    _embedded.clear()


def on_page_markdown(markdown, page, config, files):
    _current_page[:] = [f"docs/{page.file.src_uri}"]
    _embedded.update(embedded_examples(markdown))
    for line, name in unlisted_python_names(markdown, _listed_python_names()):
        # autorefs would say only "Could not find cross-reference target" and the page.
        log.warning(
            f"docs/{page.file.src_uri}:{line}: [{name}][] links a Python name that "
            f"{INVENTORY_LIST} does not list: add a line such as '{name} py:function 1 "
            "library/asyncio-task.html#$ -' to it, with the kind and page of the name in "
            "Python's docs (the file's header explains each field)"
        )
    if (included := included_file(markdown)) and page.edit_url:
        # The page is another file (CONTRIBUTING.md): its edit link opens that file.
        # edit_uri ends in .../edit/main/docs/; the file sits one level up.
        page.edit_url = urljoin(config["edit_uri"], f"../{included}")
    return markdown


def on_page_content(html, page, config, files):
    """A downloadable checker's link (checker.py) is written, in the fence's raw HTML, as
    a Markdown link would be: relative to the page's file. Zensical rewrites such links in
    raw HTML for the page's address; MkDocs leaves raw HTML alone, so this does it."""
    return re.sub(
        rf'href="({re.escape(checker.LINK_PREFIX)}[^"]*)"',
        lambda match: f'href="{get_relative_url(match[1], page.url)}"',
        html,
    )


def on_build_error(error):
    """An example fence's error, named as the suite names it: docs/<page>.md:<line>.

    The fence's extension raises "LINE: what to fix"; without this MkDocs would add a
    traceback of its own code under it.
    """
    if isinstance(error, ExampleFenceError) and _current_page:
        raise PluginError(f"{_current_page[0]}:{error}") from None


def on_post_build(config):
    for orphan in unembedded_examples(_embedded):
        # A warning, so the strict build fails, as the example suite does.
        log.warning(
            f"{orphan.relative_to(ROOT)} is not embedded in any page: embed it with "
            f'--8<-- "{orphan.relative_to(ROOT)}" in a ```py block, or delete it'
        )


INVENTORY_LIST = "docs/_support/python-inventory.txt"
# A link to a Python name: `[asyncio.wait][]`, or `[text][asyncio.wait]`, code or not.
_NAME = r"`?(?P<name>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)(?:\(\))?`?"
_REFERENCE = re.compile(rf"\[{_NAME}\]\[\]|\]\[{_NAME.replace('name', 'named')}\]")


def _listed_python_names() -> set[str]:
    return {line.split()[0] for line in inventory_lines(ROOT / INVENTORY_LIST)}


def unlisted_python_names(markdown: str, listed: set[str]) -> list[tuple[int, str]]:
    """(line, name) of each link to a name of a module the inventory covers (asyncio,
    concurrent, ...) that it does not list; the project's own names are mkdocstrings'."""
    modules = {name.split(".")[0] for name in listed}
    return [
        (number, name)
        for number, line in enumerate(markdown.splitlines(), start=1)
        for match in _REFERENCE.finditer(line)
        if (name := match["name"] or match["named"]).split(".")[0] in modules and name not in listed
    ]


def embedded_examples(markdown: str) -> set[Path]:
    """The examples/ files a page's Markdown embeds."""
    return {
        file
        for line in markdown.splitlines()
        if (match := EMBED.match(line.strip())) and match["path"].startswith("examples/")
        # An exercise's starter brings its solution, wrong answers and hints.
        for file in files_of_embed(ROOT, match["path"])
    }


def unembedded_examples(embedded: set[Path]) -> list[Path]:
    return [path for path in example_files(ROOT) if path not in embedded]


def included_file(markdown: str) -> str | None:
    """The Markdown file a page consists of (`--8<-- "CONTRIBUTING.md"`), if it is one."""
    lines = [line for line in markdown.splitlines() if line.strip()]
    match = INCLUDE.match(lines[0]) if len(lines) == 1 else None
    return match["path"] if match else None


def edit_uri(repository: str | None) -> str:
    """`https://github.com/o/r` -> `https://github.com/o/r/edit/main/docs/`.

    Material shows an edit button wherever a page has an edit URL, which MkDocs
    derives from repo_url + edit_uri. But repo_url also makes Material's header
    ask the GitHub API for stars and forks from every reader's browser. An
    absolute edit_uri needs no repo_url: it is built from the one setting that
    names the repository, extra.repository (REPO_URL).
    """
    if not repository or not repository.startswith("https://"):
        raise PluginError(
            f"extra.repository must be the repository's https address, got {repository!r}"
        )
    return f"{repository.rstrip('/')}/edit/{EDIT_BRANCH}/docs/"


def use_offline_python_inventory(config) -> None:
    """Compile python-inventory.txt into an objects.inv when the inventory URL is a local path.

    mkdocstrings only reads inventories from URLs and caches them for a day by
    URL, so the compiled file's URL carries a hash of its content: an edit to
    the list takes effect at the next build.
    """
    handler = config.plugins["mkdocstrings"].config.handlers["python"]
    for inventory in handler.get("inventories", []):
        url = inventory["url"]
        if "://" in url:
            continue  # a real inventory, set by the publish workflow
        source = Path(config.config_file_path).parent / url
        if not source.is_file():
            raise PluginError(f"inventory list {source} does not exist")
        body = "".join(line + "\n" for line in inventory_lines(source))
        header = (
            "# Sphinx inventory version 2\n# Project: Python\n# Version: 3\n"
            "# The remainder of this file is compressed using zlib.\n"
        )
        compiled = ROOT / ".cache" / "python-objects.inv"
        compiled.parent.mkdir(exist_ok=True)
        compiled.write_bytes(header.encode() + zlib.compress(body.encode()))
        digest = hashlib.sha256(body.encode()).hexdigest()[:16]
        inventory["url"] = f"{compiled.as_uri()}#{digest}"


_INVENTORY_LINE = re.compile(
    r"^[\w.]+ py:(function|class|method|attribute|exception|data|module) 1 \S+#\S* \S.*$"
)


def inventory_lines(source: Path) -> list[str]:
    """The entries of python-inventory.txt, each checked for the shape its header shows."""
    entries = []
    shown = source.relative_to(ROOT) if source.is_relative_to(ROOT) else source
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if not _INVENTORY_LINE.match(line):
            raise PluginError(
                f"{shown}:{number}: {line!r} is not "
                "'NAME py:KIND 1 PAGE#$ -', e.g. "
                "'asyncio.FIRST_COMPLETED py:data 1 library/asyncio-task.html#$ -' "
                "(the file's header explains each field)"
            )
        entries.append(line)
    return entries
