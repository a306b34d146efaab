"""An exercise: a program for the reader to fix, checked by the one judge against a goal.

It is an example whose fence embeds a starter rather than a lesson, and says why the
starter fails:

    ```py {starter_fails="time" duration="2"}
    --8<-- "examples/timeouts/exercises/add_a_timeout/starter.py"
    ```

    ```output {times="0.0 2.0"}
    (the goal: recorded from solution.py by make update-examples)
    ```

Its folder, `examples/<page>/exercises/<name>/`, holds:

- `starter.py`: what the reader starts from (the page shows it, in an editor);
- `solution.py`: a reference answer; the suite runs it as the example's program, so it
  passes the judge on every Python and `make update-examples` records the goal from it;
- `wrong_<what>.py`, at least one: plausible wrong answers, each of which must fail;
- `hints.md`: two or three hints, one paragraph each, revealed one at a time.

`starter_fails` is the kind of failure the starter must show: `output` (it prints other
lines), `time` (the right lines, at the wrong times) or `exception` (it ends with an
error the goal does not). A starter that passes, or fails for another reason, fails the
suite: the exercise would teach nothing, or not what it says. Standard library only.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import BlockError

FOLDER = "exercises"
STARTER = "starter.py"
SOLUTION = "solution.py"
WRONG_PREFIX = "wrong_"
HINTS = "hints.md"
MIN_HINTS, MAX_HINTS = 2, 3

# The judge's kinds of finding (judge.KINDS) that show each declared reason.
REASONS = {
    "output": frozenset({"output", "no-output-block", "times-count"}),
    "time": frozenset({"line-late", "line-early", "too-long", "too-short", "hang"}),
    "exception": frozenset({"exit", "ended-normally", "other-exception", "stderr"}),
}


@dataclass(frozen=True)
class Exercise:
    folder: Path
    starter_fails: str

    @property
    def name(self) -> str:
        return self.folder.name

    @property
    def key(self) -> str:
        """`<page>/<name>`, its folder under examples/, unique on the site: what a reader's
        progress keeps (docs/assets/run/progress.mjs)."""
        return f"{self.folder.parent.parent.name}/{self.name}"

    @property
    def starter(self) -> Path:
        return self.folder / STARTER

    @property
    def solution(self) -> Path:
        return self.folder / SOLUTION

    @property
    def wrong_answers(self) -> list[Path]:
        return sorted(self.folder.glob(f"{WRONG_PREFIX}*.py"))

    def files(self) -> list[Path]:
        """Every file of the exercise: its starter embeds them all in the page."""
        return sorted(path for path in self.folder.iterdir() if path.is_file())

    def hints(self) -> list[str]:
        """The hints, one paragraph each, in the order they are revealed."""
        text = (self.folder / HINTS).read_text(encoding="utf-8")
        return [" ".join(part.split()) for part in re.split(r"\n\s*\n", text) if part.strip()]

    def problems(self) -> list[str]:
        """What the folder lacks to be an exercise, each with what to do."""
        where = self.folder.as_posix()
        found = []
        if not self.solution.is_file():
            found.append(f"{where} has no {SOLUTION}: add the reference answer")
        if not self.wrong_answers:
            found.append(
                f"{where} has no {WRONG_PREFIX}<what>.py: add at least one plausible wrong "
                "answer, which the suite checks fails"
            )
        if not (self.folder / HINTS).is_file():
            found.append(f"{where} has no {HINTS}: add {MIN_HINTS} or {MAX_HINTS} hints")
        elif not MIN_HINTS <= len(self.hints()) <= MAX_HINTS:
            found.append(
                f"{where}/{HINTS} has {len(self.hints())} hint(s): give {MIN_HINTS} or "
                f"{MAX_HINTS}, one paragraph each, separated by a blank line"
            )
        unknown = [
            path.name
            for path in self.files()
            if path.name not in (STARTER, SOLUTION, HINTS)
            and not (path.name.startswith(WRONG_PREFIX) and path.suffix == ".py")
        ]
        if unknown:
            found.append(
                f"{where} holds {', '.join(unknown)}, which no exercise file is named like: "
                f"{STARTER}, {SOLUTION}, {WRONG_PREFIX}<what>.py, {HINTS}"
            )
        return found


def is_starter(path: str | Path) -> bool:
    """Whether an embedded path is an exercise's starter:
    examples/<page>/exercises/<name>/starter.py."""
    parts = Path(path).parts
    return len(parts) == 5 and parts[0] == "examples" and parts[2] == FOLDER and parts[4] == STARTER


def exercise_of(
    root: Path, embedded: str | Path | None, starter_fails: str | None
) -> Exercise | None:
    """The exercise a fence stands for, or None for a lesson's example.

    A starter's fence must declare why it fails, and only a starter's may: either way
    round, the message says what to write.
    """
    relative = None
    if embedded is not None:
        relative = Path(embedded)
        if relative.is_absolute():
            relative = relative.relative_to(root)
    starter = relative is not None and is_starter(relative)
    if starter_fails is None:
        if starter:
            raise BlockError(
                f"embeds the exercise starter {relative.as_posix()}: say why it fails, "
                'starter_fails="output", "time" or "exception"'
            )
        return None
    if not starter:
        raise BlockError(
            f'starter_fails="{starter_fails}" is for an exercise: its fence embeds '
            f"examples/<page>/{FOLDER}/<name>/{STARTER}"
        )
    return Exercise(root / relative.parent, starter_fails)


def check_reason(text: str) -> str:
    """The setting's value, checked (settings.py calls it)."""
    if text in REASONS:
        return text
    close = difflib.get_close_matches(text, sorted(REASONS), n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    raise ValueError(
        f'starter_fails="{text}": {hint}give the kind of failure the starter shows: '
        + ", ".join(sorted(REASONS))
    )


def failed_as_declared(reason: str, kinds: list[str]) -> bool:
    """Whether findings of these kinds show `reason`: at least one of its kinds; for
    `time`, only timing ones (the starter prints the goal's lines, late or early)."""
    wanted = REASONS[reason]
    if reason == "time":
        return bool(kinds) and all(kind in wanted for kind in kinds)
    return any(kind in wanted for kind in kinds)


def files_of_embed(root: Path, path: str) -> list[Path]:
    """The files in examples/ that an embed of `path` puts on a page: the file, or for an
    exercise's starter, every file of its exercise (the build's check of files no page
    embeds asks this)."""
    file = root / path
    if is_starter(path) and file.parent.is_dir():
        return sorted(entry for entry in file.parent.iterdir() if entry.is_file())
    return [file]
