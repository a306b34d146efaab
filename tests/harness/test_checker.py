"""The downloadable checkers (checker.py, local_check.py): built as the site's build
builds them, then run as a reader runs one, `python check-<exercise>.pyz my_program.py`,
with each Python here (isolated: nothing of this repository on its path), on the
exercise's solution (it passes), its starter and wrong answers (they fail, for the
reasons the page's Check gives), and on a file that does not exist."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from checked_examples import checker, goal_words
from checked_examples.exercise import REASONS
from checked_examples.paths import ROOT
from checked_examples.program import top_level_imports
from checked_examples.run import services
from checked_examples.run.pythons import candidates, newest_per_minor

EXERCISES = checker.exercises_to_check(ROOT)


def _pythons() -> list[tuple[tuple[int, int], str]]:
    """Each Python here, newest of each version: the environment the example suite made
    for it (.venv, .venv-3.X: the lock's packages, aiohttp and asyncpg among them) when
    there is one, otherwise the bare interpreter."""
    found = {version[:2]: str(path) for version, path in newest_per_minor(candidates()).values()}
    found[sys.version_info[:2]] = sys.executable
    for minor in found:
        venv = ROOT / ".venv-{}.{}".format(*minor) / "bin" / "python"
        if venv.is_file():
            found[minor] = str(venv)
    return sorted(found.items())


PYTHONS = _pythons()
WORDS = json.loads(checker.WORDS.read_text(encoding="utf-8"))


def _said(kind: str) -> re.Pattern[str]:
    """What the checker prints for a finding of `kind`: its words, any value in place of
    each {name}."""
    parts = re.split(r"\{\w+\}", WORDS["findings"][kind])
    return re.compile(".*?".join(map(re.escape, parts)))


@pytest.fixture(scope="module")
def servers():
    """The servers the exercises need (a throwaway PostgreSQL), as the suite starts them:
    their addresses are in os.environ, which each checker's run inherits."""
    needed = {name for example in EXERCISES for name in example.settings().services}
    with services.running(needed) as started:
        yield started


def _needs(python: str, program: Path) -> str | None:
    """Why `python` cannot run `program`: a module it imports at its top is missing."""
    imports = top_level_imports(program.read_text(encoding="utf-8"))
    probe = (
        "import importlib.util, sys; "
        "print(*[m for m in sys.argv[1:] if not importlib.util.find_spec(m)])"
    )
    done = subprocess.run([python, "-I", "-c", probe, *imports], capture_output=True, text=True)
    missing = done.stdout.split()
    return f"{python} lacks {', '.join(missing)}" if missing else None


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, tuple[Path, object]]:
    folder = tmp_path_factory.mktemp("checkers")
    found = {}
    for example in EXERCISES:
        goal = checker.goal(example)
        pyz = checker.build(goal, folder / checker.file_name(goal["name"]))
        found[goal["name"]] = (pyz, example)
    return found


def _check(python: str, pyz: Path, program: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [python, "-I", str(pyz), str(program)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=program.parent,
    )


def _check_together(python: str, pyz: Path, programs: list[Path]) -> list:
    """Each program checked at the same time, as the suite runs examples side by side:
    their time is sleeping, and one after another made this the suite's last minute."""
    with ThreadPoolExecutor(len(programs)) as pool:
        return list(pool.map(lambda program: _check(python, pyz, program), programs))


def test_some_exercise_is_checked_on_the_readers_machine() -> None:
    assert EXERCISES, 'no exercise with browser="no: ...": nothing for the checkers to serve'


CASES = [
    (example.exercise().name, minor, python) for example in EXERCISES for minor, python in PYTHONS
]


@pytest.mark.parametrize(
    ("name", "minor", "python"), CASES, ids=[f"py{m[0]}.{m[1]}-{n}" for n, m, _ in CASES]
)
def test_the_checker_passes_the_solution_and_fails_the_wrong_answers(
    built, servers, name: str, minor, python: str
) -> None:
    pyz, example = built[name]
    exercise = example.exercise()
    servers.skip_if_missing(example.settings())
    if why := _needs(python, exercise.solution):
        pytest.skip(f"{why}: make examples-every-python makes an environment for it")
    done, starter, *wrongs = _check_together(
        python, pyz, [exercise.solution, exercise.starter, *exercise.wrong_answers]
    )
    # The solution must meet the goal; a busy machine may make one run late, so it gets
    # two more runs, alone, and every failed one must fail for time only.
    for _attempt in range(2):
        if done.returncode == 0:
            break
        assert "Not yet: " in done.stdout, done.stdout + done.stderr
        assert "came at" in done.stdout or "it took" in done.stdout, done.stdout
        done = _check(python, pyz, exercise.solution)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Solved: the goal's lines" in done.stdout
    # The starter fails for the reason its fence declares, in the page's words.
    assert starter.returncode == 1, starter.stdout + starter.stderr
    reasons = REASONS[exercise.starter_fails]
    assert any(_said(kind).search(starter.stdout) for kind in reasons), starter.stdout
    for wrong, done in zip(exercise.wrong_answers, wrongs, strict=True):
        assert done.returncode == 1, f"{wrong.name} passed:\n{done.stdout}{done.stderr}"
        assert "Not yet: " in done.stdout, done.stdout


def test_a_missing_program_is_named(built, tmp_path: Path) -> None:
    pyz, _ = next(iter(built.values()))
    done = subprocess.run(
        [sys.executable, "-I", str(pyz), "no_such_program.py"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert done.returncode == 2
    assert "no such file: no_such_program.py" in done.stderr
    assert done.stdout == ""
    done = subprocess.run([sys.executable, "-I", str(pyz)], capture_output=True, text=True)
    assert done.returncode == 2
    assert "usage: python check-" in done.stdout


def test_the_checker_holds_every_module_it_imports_and_no_other(built) -> None:
    pyz, _ = next(iter(built.values()))
    # Run as a reader runs it (here with no file, so it stops at its usage line), with
    # Python listing every module it imports: the checker's own come from the .pyz.
    done = subprocess.run(
        [sys.executable, "-I", "-X", "importtime", str(pyz)], capture_output=True, text=True
    )
    assert done.returncode == 2, done.stderr
    names = [line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()]
    imported = {name for name in names if name.split(".")[0] == "checked_examples"}
    shipped = {
        "checked_examples." + name.removesuffix(".py").removesuffix("/__init__").replace("/", ".")
        for name in checker.MODULES
    }
    shipped = {name.removesuffix(".__init__") for name in shipped}
    assert imported - {"checked_examples.run"} == shipped, (imported, shipped)


def test_the_verdict_fills_every_name_its_words_use() -> None:
    from checked_examples.judge import Finding, Promise

    promise = Promise(lines=("a",), times=(1.0,), duration=1.0, tolerance=0.35, raises="E")
    values = {
        "hang": Finding("hang", measured=7.0),
        "warning-missing": Finding("warning-missing", expected=("w",), measured=""),
        "times-count": Finding("times-count", expected=2, measured=1),
        "line-late": Finding("line-late", 1, 1.0, 2.0),
        "line-early": Finding("line-early", 1, 1.0, 0.2),
        "too-long": Finding("too-long", expected=(0.65, 1.35), measured=3.0),
        "too-short": Finding("too-short", expected=(0.65, 1.35), measured=0.1),
    }
    for kind in WORDS["findings"]:
        finding = values.get(kind, Finding(kind, expected="E", measured=1))
        text, _ = goal_words.verdict(WORDS, promise, [finding], 1.0)
        assert text.startswith("Not yet: "), text
        assert "{" not in text, text
        assert "None" not in text, text
