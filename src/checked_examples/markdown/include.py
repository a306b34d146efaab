"""A page that is another Markdown file, as written: `--8<-- "CONTRIBUTING.md"`.

docs/contributing.md is that one line, so the guide lives where GitHub shows it
and is also the site's Contributing page. The file goes in as it is: the
`--8<-- "examples/..."` lines it shows inside its ````md fences stay text for
the reader to copy. (pymdownx.snippets, which the site no longer loads, would
expand them; the example fences read their own embeds, see fences.py.)
"""

from __future__ import annotations

import re
from pathlib import Path

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

# Only Markdown files: an example's embed line names a .py file, which its fence reads.
INCLUDE = re.compile(r'^-{1,}8<-{1,}\s+"(?P<path>[^"]+\.md)"\s*$')


class IncludeMarkdownFile(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        result = []
        for number, line in enumerate(lines, start=1):
            match = INCLUDE.match(line)
            if not match:
                result.append(line)
                continue
            # Relative to where the build runs, the repository root (the Makefile runs it there).
            source = Path(match["path"])
            if not source.is_file():
                raise FileNotFoundError(
                    f"{number}: {line.strip()} names {source.resolve()}, which does not exist"
                )
            result += source.read_text(encoding="utf-8").split("\n")
        return result


class IncludeExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Before whitespace normalisation (30) and superfences (25): the file's fences
        # are the page's own.
        md.preprocessors.register(IncludeMarkdownFile(md), "include_markdown_file", 31)


def makeExtension(**kwargs) -> IncludeExtension:
    return IncludeExtension(**kwargs)
