"""The example fences as pymdownx.superfences custom fences: what a reader sees.

mkdocs.yml names these under superfences' `custom_fences`:

- `py` (and `python`): the program. Its settings are parsed as the suite parses
  them, so a typo fails the build with the suite's message and the page's line;
  only the settings Material renders are kept, and the file the fence embeds is
  read here and named in its title.
- `output`: the block under an example. Its lines, each with its checked time in
  a gutter, the stderr the example declares, and a timeline when it asks for one.
  An ```output block under no example is left to superfences' default.

The embed is read here rather than by pymdownx.snippets: snippets runs before
superfences and would leave the fence without the name of its file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markdown import Markdown
from pymdownx.superfences import RE_HL_LINES, RE_LINENUMS, SuperFencesException

from ..embed import embedded_path, read_embedded
from ..errors import BlockError
from ..exercise import exercise_of
from ..output_block import output_block_after
from ..settings import Settings, SettingsError, parse, split_info_string
from .fence_position import FencePosition, fence_being_read
from .output_html import output_html
from .quiz import quiz_html
from .run_html import exercise_html, run_html
from .timeline import timeline_svg
from .trace_html import trace_html

PROGRAM_LANGUAGES = ("py", "python")
# The render keys superfences checks before highlighting, as its default fence does.
_RENDER_FORMATS = {"hl_lines": RE_HL_LINES, "linenums": RE_LINENUMS}


class ExampleFenceError(SuperFencesException):
    """'LINE: what to fix'. A SuperFencesException, the one kind superfences does not swallow."""


@dataclass
class _Example:
    start: int  # the line of its opening fence, 0-based
    settings: Settings
    name: str  # the embedded file's name (or the title it was given)
    path: str | None = None  # the embedded file, under examples/


@dataclass
class _Page:
    """What the example fences of one page share while superfences reads it."""

    lines: list[str]
    example: _Example | None = None  # the program fence converted last
    pieces: int = 0  # outputs and timelines so far: numbers the timelines' ids


def _page(md: Markdown, lines: list[str]) -> _Page:
    page = getattr(md, "checked_examples_page", None)
    if page is None or page.lines is not lines:  # a new conversion
        page = md.checked_examples_page = _Page(lines)
    return page


def _fail(position: FencePosition | int, error: Exception) -> ExampleFenceError:
    line = position.line if isinstance(position, FencePosition) else position
    return ExampleFenceError(f"{line}: {error}")


def validate_program(language, inputs, options, attrs, md) -> bool:
    """Every `py` fence is an example: its settings must be the suite's."""
    position = fence_being_read(md, PROGRAM_LANGUAGES)
    try:
        # The line itself, not superfences' reading of it: the suite's parser, its messages.
        _, values = split_info_string(position.info)
        settings = parse(values)
    except SettingsError as error:
        raise _fail(position, error) from None
    for key, form in _RENDER_FORMATS.items():
        if key in values:
            if not form.match(values[key]):
                raise _fail(position, f'{key}="{values[key]}" is not in the form Material reads')
            options[key] = values[key]
    options["example"] = (position, settings, values.get("title"))
    return True


def format_program(src, language, class_name, options, md, **kwargs) -> str:
    """The program, highlighted as any code block, titled with its file's name."""
    position, settings, title = options.pop("example")
    path, problem = embedded_path(src)
    try:
        if problem:
            raise BlockError(problem)
        if path:
            # Relative to where the build runs, the repository root, as the suite reads it.
            src = read_embedded(Path.cwd(), path)
        exercise = exercise_of(Path.cwd(), path, settings.starter_fails)
        if exercise and (wrong := exercise.problems()):
            raise BlockError("; ".join(wrong))
    except BlockError as error:
        raise _fail(position, error) from None
    name = title or (Path(path).name if path else "")
    if name:
        options["title"] = name
        if settings.requires_text:
            options["title"] += f" (Python {settings.requires_text}+)"
    _page(md, position.lines).example = _Example(position.index, settings, name, path)
    highlight = md.preprocessors["fenced_code_block"].highlight  # superfences' default fence
    program = highlight(src=src, language=language, options=options, md=md, **kwargs)
    if exercise:
        return program + "\n" + exercise_html(settings, exercise)
    return program + "\n" + run_html(settings, name or "example.py")


def validate_output(language, inputs, options, attrs, md) -> bool:
    """An ```output block is the example's when it comes right under the example's fence."""
    position = fence_being_read(md, ("output",))
    example = _page(md, position.lines).example
    if example is None or position.previous is None or position.previous.start != example.start:
        return False
    opening = position.lines[example.start]
    indent = len(opening) - len(opening.lstrip(" "))
    try:
        block = output_block_after(position.lines, position.previous.stop - 1, indent)
    except BlockError as error:
        raise _fail(position, error) from None
    if block is None or block.line != position.line:
        return False
    if block.times_error:
        raise _fail(position, block.times_error)
    options["output"] = (example, block)
    return True


def format_output(src, language, class_name, options, md, **kwargs) -> str:
    example, block = options["output"]
    page = _page(md, md.lines)
    text, times = block.text.splitlines(), block.times
    parts = [output_html(text, times, example.settings)]
    if example.settings.timeline:
        try:
            parts.append(timeline_svg(text, times, example.settings, example.name, page.pieces))
        except SettingsError as error:
            raise _fail(block.line, error) from None
    quiz = []
    if example.settings.quiz:
        try:
            quiz.append(quiz_html(text, example.settings, example.name))
        except SettingsError as error:
            raise _fail(block.line, error) from None
    page.pieces += len(parts) + len(quiz)
    try:
        parts.append(trace_html(Path.cwd(), example.path))  # its recorded run, if any
    except BlockError as error:
        raise _fail(block.line, error) from None
    page.example = None
    # The quiz last: it hides what comes between the output block and itself, the
    # recorded run too, which would tell the order it asks for (quiz.mjs).
    return "\n".join(parts + quiz)
