"""MkDocs hook: the Contributing page is CONTRIBUTING.md, shown exactly as written.

docs/contributing.md holds one line, `--8<-- "CONTRIBUTING.md"`. Left to
pymdownx.snippets, that include would also expand the `--8<-- "examples/..."`
lines that CONTRIBUTING.md shows inside its ````md fences (and fail the build on
their made-up paths). So this hook inlines the file itself and escapes those
lines with snippets' `;`, which snippets removes again: the reader sees the line
to type. It also points the page's edit link at CONTRIBUTING.md, the file to edit.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

_INCLUDE = re.compile(r'^-{1,}8<-{1,}\s+"(?P<path>CONTRIBUTING\.md)"\s*$', re.MULTILINE)
_SNIPPET_LINE = re.compile(r"^(?P<indent>[ \t]*)(?=-{1,}8<-{1,})", re.MULTILINE)


def on_page_markdown(markdown, page, config, files):
    match = _INCLUDE.search(markdown)
    if not match:
        return markdown
    source = Path(config.config_file_path).parent / match["path"]
    if page.edit_url:
        # edit_uri ends in .../edit/main/docs/; the file sits one level up.
        page.edit_url = urljoin(config["edit_uri"], f"../{match['path']}")
    included = escape_snippets(source.read_text(encoding="utf-8"))
    return markdown[: match.start()] + included + markdown[match.end() :]


def escape_snippets(markdown: str) -> str:
    """Prefix every `--8<--` line with `;` so that snippets prints it instead of including."""
    return _SNIPPET_LINE.sub(r"\g<indent>;", markdown)
