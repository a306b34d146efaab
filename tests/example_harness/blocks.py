"""Find every Python example in the docs and pair it with its program and output.

pytest-examples finds the fenced `py` blocks; this module adds what it cannot
know: which file a `--8<--` embed stands for, the settings of the block, and the
```` ```output ```` block underneath that holds the expected output.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pytest_examples import CodeExample, find_examples

from . import settings as settings_mod

SNIPPET = re.compile(r'^-{1,}8<-{1,}\s+"(?P<path>[^"]+)"\s*$')
# ```output, or ```output {times="0.0 1.0"}: when each line was printed, from a real run.
OUTPUT_FENCE = re.compile(
    r'^(?P<indent> *)```\s*output\s*(?:\{\s*times="(?P<times>[^"]*)"\s*\})?\s*$'
)


class BlockError(ValueError):
    """A block the harness cannot run; the message names what to fix."""


@dataclass
class DocExample:
    """One runnable example as it stands in the docs."""

    doc: Path  # the Markdown file
    line: int  # 1-based line of the opening ```py fence
    indent: int
    info: str  # the fence's info string, e.g. 'py {duration="2"}'
    block_source: str  # what is between the fences (an embed line, or a program)
    embedded: Path | None  # the file in examples/ it embeds, if any
    output: OutputBlock | None
    root: Path
    problem: str | None = None  # why the block cannot be run, found while reading it

    @property
    def where(self) -> str:
        """`docs/page.md:12`, the place a failure points at."""
        return f"{self.doc.relative_to(self.root)}:{self.line}"

    @property
    def program_name(self) -> str:
        if self.embedded:
            return self.embedded.name
        return f"{self.doc.stem}_line{self.line}.py"

    @property
    def test_id(self) -> str:
        if self.embedded:
            return str(self.embedded.relative_to(self.root / "examples"))
        return self.where

    def program(self) -> str:
        """The program a reader copies: the embedded file, or the inline block."""
        if self.problem:
            raise BlockError(f"{self.where}: {self.problem}")
        if self.embedded is None:
            return self.block_source
        if not self.embedded.is_file():
            raise BlockError(
                f"{self.where}: embeds {self.embedded.relative_to(self.root)}, "
                "which does not exist: fix the path or add the file"
            )
        return self.embedded.read_text(encoding="utf-8")

    def settings(self) -> settings_mod.Settings:
        try:
            _, values = settings_mod.split_info_string(self.info)
            return settings_mod.parse(values)
        except settings_mod.SettingsError as error:
            raise BlockError(f"{self.where}: {error}") from None

    def code_example(self) -> CodeExample:
        """The program as pytest-examples sees it, with line numbers that point home."""
        if self.embedded is None:
            return CodeExample.create(
                self.block_source, path=self.doc, start_line=self.line, prefix=self.info
            )
        return CodeExample.create(self.program(), path=self.embedded, prefix=self.info)


@dataclass
class OutputBlock:
    line: int  # 1-based line of the opening ```output fence
    end_line: int  # 1-based line of its closing fence
    text: str  # its content, dedented, each line ending in a newline
    times: list[float] | None  # seconds at which each line was printed, if recorded
    times_error: str | None = None  # why the times= value cannot be used

    @staticmethod
    def parse_times(text: str | None) -> tuple[list[float] | None, str | None]:
        if text is None:
            return None, None
        try:
            return [float(t) for t in text.split()], None
        except ValueError:
            return None, f'times="{text}" is not a list of seconds'


def find_doc_examples(root: Path, page: Path | None = None) -> list[DocExample]:
    """Every `py` block under `root/docs` (or in `page` alone), in file and line order."""
    examples = []
    page_lines: dict[Path, list[str]] = {}
    found_blocks = find_examples(page or root / "docs")
    for found in sorted(found_blocks, key=lambda e: (str(e.path), e.start_line)):
        if found.path.suffix != ".md":
            continue  # docstrings of the docs' own build hooks are not lessons
        if found.path not in page_lines:
            page_lines[found.path] = found.path.read_text(encoding="utf-8").splitlines()
        examples.append(_doc_example(found, page_lines[found.path], root))
    return examples


def _doc_example(found: CodeExample, lines: list[str], root: Path) -> DocExample:
    fence_index = found.start_line - 1
    fence = lines[fence_index]
    indent = len(fence) - len(fence.lstrip(" "))
    info = fence.strip().removeprefix("```").strip()
    embedded, problem = None, None
    source_lines = found.source.strip("\n").splitlines()
    snippet = SNIPPET.match(source_lines[0].strip()) if source_lines else None
    if snippet:
        embedded = root / snippet.group("path")
        if len(source_lines) > 1:
            problem = "an embed must be alone in its block: the file is the whole program"
    close_index = fence_index + found.source.count("\n") + 1
    try:
        output = _output_after(lines, close_index, indent)
    except BlockError as error:
        output, problem = None, str(error)
    return DocExample(
        doc=found.path,
        line=found.start_line,
        indent=indent,
        info=info,
        block_source=found.source,
        embedded=embedded,
        output=output,
        root=root,
        problem=problem,
    )


def _output_after(lines: list[str], close_index: int, indent: int) -> OutputBlock | None:
    """The ```output block that follows the closing fence, past blank lines only."""
    index = close_index + 1
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index >= len(lines):
        return None
    opening = OUTPUT_FENCE.match(lines[index])
    if not opening or len(opening.group("indent")) != indent:
        return None
    return read_output_block(lines, index)


def read_output_block(lines: list[str], index: int) -> OutputBlock:
    """The ```output block whose opening fence is `lines[index]` (0-based).

    The one reader of output blocks: the harness compares them, the docs hook renders them.
    """
    opening = OUTPUT_FENCE.match(lines[index])
    indent = opening.group("indent")
    times, times_error = OutputBlock.parse_times(opening.group("times"))
    for end in range(index + 1, len(lines)):
        if lines[end].rstrip() == indent + "```":
            body = [line[len(indent) :] for line in lines[index + 1 : end]]
            text = "".join(line + "\n" for line in body)
            return OutputBlock(index + 1, end + 1, text, times, times_error)
    raise BlockError(f"the ```output block at line {index + 1} is never closed")


# The one file in examples/ that is not a program: the examples' lint settings.
EXAMPLES_CONFIG = "ruff.toml"


def example_files(root: Path) -> list[Path]:
    """Every file under examples/ that should be a program on some page."""
    examples = root / "examples"
    return sorted(
        path
        for path in examples.rglob("*")
        if path.is_file()
        and path != examples / EXAMPLES_CONFIG
        # caches (__pycache__, .ruff_cache) are tools' files, not contributions
        and not any(part.startswith((".", "__")) for part in path.relative_to(examples).parts)
    )
