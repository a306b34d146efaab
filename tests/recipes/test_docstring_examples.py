"""Every example in the recipes' docstrings runs, and prints what its `#>` lines say.

pytest-examples finds the fenced blocks in the modules' docstrings (its own
search, the one it runs on a package's source) and runs each; a print whose
output differs from the `#>` comments under it fails the test.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator

import pytest
from pytest_examples import CodeExample, EvalExample, find_examples

from checked_examples.paths import ROOT

RECIPES = ROOT / "src" / "asyncio_recipes"
EXAMPLES = list(find_examples(RECIPES))
# The examples run in real time and take a few hundredths of a second; a recipe that
# lost its way (a rate limiter with no refill, a pool that never stops) would hang.
HANG = 10.0


class Hang(Exception):
    pass


@pytest.fixture
def hang_fails() -> Iterator[None]:
    """Raise Hang in the test's thread (the main one) after HANG seconds."""

    def give_up(signum, frame):
        raise Hang

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.setitimer(signal.ITIMER_REAL, HANG)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_every_recipe_has_an_example() -> None:
    modules = {path.stem for path in RECIPES.glob("*.py")} - {"__init__"}
    assert modules, f"no recipes found in {RECIPES}"
    assert modules == {example.path.stem for example in EXAMPLES}


@pytest.mark.parametrize("example", EXAMPLES, ids=str)
@pytest.mark.usefixtures("hang_fails")
def test_docstring_example(example: CodeExample, eval_example: EvalExample) -> None:
    hung = False
    try:
        eval_example.run_print_check(example)
    except Hang:
        hung = True
    if hung:
        # Outside the except block, and with no traceback: pytest cannot read the lines
        # of the hung example's frames, and would stop the whole run trying.
        pytest.fail(f"{example}: still running after {HANG} s, it hangs", pytrace=False)
