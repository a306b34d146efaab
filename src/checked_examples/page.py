"""Find every Python example in the docs and pair it with its program and output.

pytest-examples finds the fenced `py` blocks (with their page and line); this module
adds what it cannot know, with the format's own readers: which file a `--8<--` embed
stands for, the settings of the block, and the ```` ```output ```` block underneath
that holds the expected output.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from pytest_examples import CodeExample, find_examples

from . import settings as settings_mod
from .embed import embedded_path, read_embedded
from .errors import BlockError
from .exercise import Exercise, exercise_of
from .output_block import OutputBlock, output_block_after
from .paths import ROOT


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
    # An exercise's answer (answer()): the starter the page's block embeds.
    starter: Path | None = None

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
        try:
            return read_embedded(self.root, str(self.embedded.relative_to(self.root)))
        except BlockError as error:
            raise BlockError(f"{self.where}: {error}") from None

    def settings(self) -> settings_mod.Settings:
        try:
            _, values = settings_mod.split_info_string(self.info)
            return settings_mod.parse(values)
        except settings_mod.SettingsError as error:
            raise BlockError(f"{self.where}: {error}") from None

    def exercise(self) -> Exercise | None:
        """The exercise this fence stands for (its embed is a starter), or None."""
        try:
            embedded = self.starter or self.embedded
            return exercise_of(self.root, embedded, self.settings().starter_fails)
        except BlockError as error:
            raise BlockError(f"{self.where}: {error}") from None

    def answer(self, path: Path) -> DocExample:
        """This exercise's block as it would stand with `path` embedded instead of the
        starter: same page, line, settings and goal. The suite runs the solution and the
        wrong answers as such examples."""
        return replace(self, embedded=path, starter=self.starter or self.embedded)

    def answers(self) -> list[DocExample]:
        """An exercise's starter and wrong answers, each of which must fail the goal; none
        for an example (or a block that cannot be read: its own test says why)."""
        try:
            exercise = self.exercise()
        except BlockError:
            return []
        if exercise is None:
            return []
        return [self.answer(path) for path in [exercise.starter, *exercise.wrong_answers]]

    def checked(self) -> DocExample:
        """What the suite runs and records for this block: the example itself, or an
        exercise's solution (the goal under it is the solution's output)."""
        try:
            exercise = self.exercise()
        except BlockError:
            return self  # its test fails with the message
        if exercise is None or not exercise.solution.is_file():
            return self
        return self.answer(exercise.solution)

    def code_example(self) -> CodeExample:
        """The program as pytest-examples sees it, with line numbers that point home."""
        if self.embedded is None:
            return CodeExample.create(
                self.block_source, path=self.doc, start_line=self.line, prefix=self.info
            )
        return CodeExample.create(self.program(), path=self.embedded, prefix=self.info)


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
    path, problem = embedded_path(found.source)
    embedded = root / path if path else None
    close_index = fence_index + found.source.count("\n") + 1
    try:
        output = output_block_after(lines, close_index, indent)
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


@cache
def site_examples(root: Path = ROOT) -> tuple[DocExample, ...]:
    """Every example of the site at `root`, found once per process (the run test and the
    lint test share them)."""
    return tuple(find_doc_examples(root))
