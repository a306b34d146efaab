"""Where in the page the fence that superfences is reading stands.

superfences calls a custom fence's validator with the fence's language and
settings, but not with its place in the page, which an error must name and
which pairs an ```output block with the example right above it. It does keep
the blocks it has converted so far (its `stack`: placeholder, first line, line
after the closing fence) while it walks `md.lines` (the page as the
preprocessors hand it over) from top to bottom. So the fence it is reading now
is the first opening line in that language after the block it converted last.
tests/test_docs_hooks.py checks the lines this finds, so a pymdown-extensions
release that changed this fails there, not silently on a page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown import Markdown
from pymdownx.superfences import SuperFencesException

# An opening fence, after any indentation or blockquote marks: ```py {duration="2"}
_OPENING = re.compile(r"^[ \t>]*(?:`{3,}|~{3,})\s*(?P<info>(?P<language>[\w#.+-]+)?.*)$")


@dataclass(frozen=True)
class FencePosition:
    lines: list[str]  # the page as superfences reads it
    index: int  # the fence's opening line, 0-based
    info: str  # its info string: 'py {duration="2"}'
    previous: range | None  # the lines of the block converted before it, if any

    @property
    def line(self) -> int:
        """The 1-based line a message names."""
        return self.index + 1


def fence_being_read(md: Markdown, languages: tuple[str, ...]) -> FencePosition:
    reader = md.preprocessors["fenced_code_block"]
    lines = md.lines
    previous = range(reader.stack[-1][1], reader.stack[-1][2]) if reader.stack else None
    for index in range(previous.stop if previous else 0, len(lines)):
        opening = _OPENING.match(lines[index])
        if opening and opening["language"] in languages:
            return FencePosition(lines, index, opening["info"].strip(), previous)
    raise SuperFencesException(
        f"found no {'/'.join(languages)} fence where superfences is reading: "
        "checked_examples/markdown/fence_position.py no longer matches pymdown-extensions"
    )
