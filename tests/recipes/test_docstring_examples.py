"""Every example in the recipes' docstrings runs, and prints what its `#>` lines say.

pytest-examples finds the fenced blocks in the modules' docstrings (its own
search, the one it runs on a package's source) and runs each; a print whose
output differs from the `#>` comments under it fails the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_examples import CodeExample, EvalExample, find_examples

RECIPES = Path(__file__).resolve().parents[2] / "src" / "asyncio_recipes"
EXAMPLES = list(find_examples(RECIPES))


def test_every_recipe_has_an_example() -> None:
    modules = {path.stem for path in RECIPES.glob("*.py")} - {"__init__"}
    assert modules, f"no recipes found in {RECIPES}"
    assert modules == {example.path.stem for example in EXAMPLES}


@pytest.mark.parametrize("example", EXAMPLES, ids=str)
def test_docstring_example(example: CodeExample, eval_example: EvalExample) -> None:
    eval_example.run_print_check(example)
