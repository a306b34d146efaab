"""The list of every exercise on the site, where a page has the marker line

    <!-- checked-examples: exercises -->

docs/exercises.md is that page. The list is found, not written: the site's exercise
fences, as the suite finds them (page.py, exercise.py), grouped by lesson in the order
of mkdocs.yml's nav, each a link to the heading above it on its page (slugged as the
toc extension slugs it, with its own settings). docs/assets/run/progress.mjs adds each
one's state in this browser and a Reset. The links are Markdown, so each engine (MkDocs,
Zensical) resolves and checks them as any other; they are relative to docs/, where the
page must stand.

Without the extension the marker is an HTML comment and the page shows no list; the
browser suite checks the built page lists every exercise.
"""

from __future__ import annotations

import re
from pathlib import Path

from markdown import Extension, Markdown
from markdown.extensions.toc import TocExtension, slugify, unique
from markdown.preprocessors import Preprocessor

from ..errors import BlockError
from ..page import find_doc_examples

MARKER = "<!-- checked-examples: exercises -->"
_HEADING = re.compile(r"^(#{1,6})\s+(?P<text>.+?)\s*#*\s*$")
_NAV_PAGE = re.compile(r"(?:^|[\s:-])(?P<path>[\w./-]+\.md)\s*$")
# The prefix the pages give an exercise's heading: the list names the exercise alone.
_TURN = re.compile(r"^your turn:\s*", re.IGNORECASE)


def _nav_order(root: Path) -> list[str]:
    """The pages in the order mkdocs.yml's nav names them (paths under docs/)."""
    config = root / "mkdocs.yml"
    if not config.is_file():
        return []
    found = []
    for line in config.read_text(encoding="utf-8").splitlines():
        if match := _NAV_PAGE.search(line.split("#")[0]):
            found.append(match["path"])
    return found


def _headings(lines: list[str]) -> list[tuple[int, str]]:
    """The page's Markdown headings (outside its front matter and fences): (line index, text)."""
    found, fence = [], None
    start = 0
    if lines and lines[0].strip() == "---":  # YAML front matter, whose comments start with #
        start = next((i + 1 for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), 0)
    for index, line in enumerate(lines):
        if index < start:
            continue
        stripped = line.strip()
        marks = stripped[:3]
        if marks in ("```", "~~~"):
            fence = None if fence == marks else (fence or marks)
        elif fence is None and (match := _HEADING.match(line)):
            found.append((index, match["text"]))
    return found


def _plain(text: str) -> str:
    """A heading's text as the toc extension slugs it: without code marks or a trailing
    attribute list."""
    return re.sub(r"\s*\{[:#.][^}]*\}\s*$", "", text).replace("`", "")


def exercise_list(root: Path, slug=slugify, separator: str = "-") -> list[str]:
    """The list as Markdown lines: a heading per lesson, a link per exercise, to the
    heading above it (its id as `slug` makes it, made unique as the toc extension does)."""
    docs = root / "docs"
    lessons: dict[Path, list[tuple[str, str, str]]] = {}
    for example in find_doc_examples(root):
        try:
            exercise = example.exercise()
        except BlockError:
            continue  # its page's build and its test say why
        if exercise is None:
            continue
        lines = example.doc.read_text(encoding="utf-8").splitlines()
        ids: set[str] = set()
        heading, anchor = None, ""
        for index, text in _headings(lines):
            made = unique(slug(_plain(text), separator), ids)
            if index < example.line - 1:
                heading, anchor = text, made
        title = _TURN.sub("", _plain(heading) if heading else exercise.name.replace("_", " "))
        title = title[:1].upper() + title[1:]
        lessons.setdefault(example.doc, []).append((title, exercise.key, anchor))
    order = _nav_order(root)

    def place(doc: Path) -> tuple[int, str]:
        path = doc.relative_to(docs).as_posix()
        return (order.index(path) if path in order else len(order), path)

    out = ['<div class="exercise-list" markdown="1">', ""]
    for doc in sorted(lessons, key=place):
        lines = doc.read_text(encoding="utf-8").splitlines()
        levels = [(i, t) for i, t in _headings(lines) if lines[i].startswith("# ")]
        lesson = _plain(levels[0][1]) if levels else doc.stem
        path = doc.relative_to(docs).as_posix()
        out += [f"## {lesson}", ""]
        for title, key, anchor in lessons[doc]:
            state = f'<span class="exercise-list__state" data-exercise="{key}" hidden></span>'
            target = f"{path}#{anchor}" if anchor else path
            out.append(f"- [{title}]({target}) {state}")
        out.append("")
    if not lessons:
        out += ["The site has no exercise yet.", ""]
    out += ["</div>", ""]
    return out


class ExerciseListPreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if not any(line.strip() == MARKER for line in lines):
            return lines
        slug, separator = slugify, "-"
        for extension in self.md.registeredExtensions:
            if isinstance(extension, TocExtension):  # the site's own slugs
                slug, separator = extension.getConfig("slugify"), extension.getConfig("separator")
        result = []
        for line in lines:
            # Relative to where the build runs, the repository root (the Makefile runs it there).
            found = exercise_list(Path.cwd(), slug, separator) if line.strip() == MARKER else [line]
            result += found
        return result


class ExerciseListExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Before the raw HTML is stashed (20): the list's Markdown is converted as the page's.
        md.preprocessors.register(
            ExerciseListPreprocessor(md), "checked_examples_exercise_list", 30.5
        )


def makeExtension(**kwargs) -> ExerciseListExtension:
    return ExerciseListExtension(**kwargs)
