"""Do MkDocs and Zensical show every example the same? `make compare-engines`.

    python -m checked_examples compare-engines site site-zensical

Reads both builds page by page and compares, piece by piece, the HTML of every
example: the program (its code and title), its Run controls (or why a browser cannot
run it) and the script that drives them, the output block (each line with its checked
time, the stderr notes under it), the timeline and a recorded run's trace. Prints one line
per page and the first difference of each piece that differs; exits 1 if any
does. The rest of a page (theme, navigation, search) is not compared here: the
README's "Engine status" says where the engines part.

It cannot pass on nothing: the MkDocs build must show as many programs as the
docs have `py` fences, Run controls (or a reason) under each when the runtime is
installed, and an output block with its time gutter for each one that has an output
block.
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from .. import runtime
from ..page import find_doc_examples
from ..paths import ROOT

RUN_SCRIPT = "assets/run/run-button.mjs"

# What the Markdown extension renders for an example, by the class of the element.
PIECES = {
    "program": ("div", "language-py"),
    "run": ("div", "example-run"),
    "no-run": ("p", "example-run--no"),
    "exercise": ("div", "example-exercise"),  # an exercise's Check (exercise.py)
    "playground": ("div", "example-playground"),  # no example (markdown/playground.py)
    "run-script": ("script", None),
    "output": ("div", "example-output"),
    "stderr": ("p", "example-stderr"),
    "timeline": ("figure", "example-timeline"),
    "quiz": ("div", "example-quiz"),  # predict the output (markdown/quiz.py)
    "exercise-list": ("div", "exercise-list"),  # the Exercises page (markdown/exercise_list.py)
    "trace": ("div", "example-trace"),  # a recorded run's button and data (trace_html.py)
}


class _Pieces(HTMLParser):
    """The example pieces of one page, in page order, as (kind, outer HTML)."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.line_starts = [0]
        for line in text.splitlines(keepends=True):
            self.line_starts.append(self.line_starts[-1] + len(line))
        self.found: list[tuple[str, str]] = []
        self.open: tuple[str, str, int, int] | None = None  # kind, tag, start, depth

    def position(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.open:
            kind, open_tag, start, depth = self.open
            if tag == open_tag:
                self.open = (kind, open_tag, start, depth + 1)
            return
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        for kind, (piece_tag, piece_class) in PIECES.items():
            if tag != piece_tag:
                continue
            if piece_class in classes or (
                piece_class is None and (values.get("src") or "").endswith(RUN_SCRIPT)
            ):
                self.open = (kind, tag, self.position(), 1)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or tag != self.open[1]:
            return
        kind, open_tag, start, depth = self.open
        if depth > 1:
            self.open = (kind, open_tag, start, depth - 1)
            return
        end = self.text.index(">", self.position()) + 1
        html = self.text[start:end]
        if kind == "run-script":  # the same file, "./x" or "x": Zensical writes the former
            html = html.replace('src="./', 'src="')
        self.found.append((kind, html))
        self.open = None


def pieces(page: Path) -> list[tuple[str, str]]:
    parser = _Pieces(page.read_text(encoding="utf-8"))
    parser.feed(parser.text)
    parser.close()
    return parser.found


def built_page(site: Path, doc: Path) -> Path:
    """docs/index.md -> site/index.html, docs/timeouts.md -> site/timeouts/index.html."""
    relative = doc.relative_to(ROOT / "docs").with_suffix("")
    if relative.name == "index":
        return site / relative.parent / "index.html"
    return site / relative / "index.html"


def docs_pages() -> list[Path]:
    docs = ROOT / "docs"
    return sorted(p for p in docs.rglob("*.md") if "_support" not in p.relative_to(docs).parts)


def first_difference(left: str, right: str) -> str:
    diff = difflib.unified_diff(
        left.replace("><", ">\n<").splitlines(),
        right.replace("><", ">\n<").splitlines(),
        "mkdocs",
        "zensical",
        lineterm="",
        n=1,
    )
    return "\n".join(list(diff)[:12])


def compare(
    mkdocs_site: Path, zensical_site: Path
) -> Iterator[tuple[str, dict[str, int], list[str]]]:
    """For each page: its name, its pieces by kind, and what differs (empty when nothing)."""
    expected: dict[Path, list] = {}
    for example in find_doc_examples(ROOT):
        expected.setdefault(example.doc, []).append(example)
    for doc in docs_pages():
        name = str(doc.relative_to(ROOT))
        ours, theirs = built_page(mkdocs_site, doc), built_page(zensical_site, doc)
        if not theirs.is_file():
            yield name, {}, [f"Zensical built no {theirs.relative_to(zensical_site)}"]
            continue
        left, right = pieces(ours), pieces(theirs)
        problems = []
        examples = expected.get(doc, [])
        counts = {kind: sum(k == kind for k, _ in left) for kind in PIECES}
        if counts["program"] != len(examples):
            problems.append(
                f"the MkDocs build shows {counts['program']} programs where the page has "
                f"{len(examples)} py fences: the comparison would not cover them all"
            )
        unrunnable = sum(e.settings().browser.reason is not None for e in examples)
        controls = len(examples) - unrunnable if runtime.installed() else 0
        shown = counts["run"] + counts["exercise"]
        if (shown, counts["no-run"]) != (controls, unrunnable):
            problems.append(
                f"the MkDocs build shows {shown} Run or Check controls and {counts['no-run']} "
                f"reasons where the page has {controls} runnable examples and {unrunnable} "
                "declared not runnable"
            )
        if (shown or counts["playground"]) and not counts["run-script"]:
            problems.append(f"the MkDocs build has Run controls but no {RUN_SCRIPT}")
        with_output = sum(e.output is not None for e in examples)
        gutters = sum(kind == "output" and "data-t=" in html for kind, html in left)
        if gutters != with_output:
            problems.append(
                f"the MkDocs build shows {gutters} timed outputs where the page has "
                f"{with_output} output blocks"
            )
        if [k for k, _ in left] != [k for k, _ in right]:
            problems.append(
                f"pieces differ: MkDocs {[k for k, _ in left]}, Zensical {[k for k, _ in right]}"
            )
        for number, ((kind, a), (_, b)) in enumerate(zip(left, right, strict=False), 1):
            if a != b:
                problems.append(f"{kind} #{number} differs:\n{first_difference(a, b)}")
        yield name, counts, problems


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2:
        print(__doc__)
        return 2
    mkdocs_site, zensical_site = (Path(arg) for arg in argv)
    pages = differing = compared = 0
    for name, counts, problems in compare(mkdocs_site, zensical_site):
        pages += 1
        compared += sum(counts.values())
        summary = ", ".join(f"{count} {kind}" for kind, count in counts.items() if count)
        print(f"{'DIFFERS' if problems else 'same':8} {name}: {summary or 'no examples'}")
        for problem in problems:
            print("         " + problem.replace("\n", "\n         "))
        differing += bool(problems)
    print(
        f"\n{pages} pages, {compared} example pieces compared: "
        + (f"{differing} page(s) differ" if differing else "MkDocs and Zensical render them alike")
    )
    return 1 if differing else 0
