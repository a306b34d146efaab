"""Every example passes ruff, with the project's rules, at 88 columns for phone screens,
through pytest-examples (which maps a finding back to the file and line)."""

from __future__ import annotations

import pytest
from pytest_examples import EvalExample

from checked_examples.errors import BlockError
from checked_examples.page import DocExample
from checked_examples.pytest_plugin import block_errors_fail_the_test


def test_example_passes_ruff(
    page_example: DocExample,
    eval_example: EvalExample,
    monkeypatch: pytest.MonkeyPatch,
    site,
) -> None:
    lint(page_example, eval_example, monkeypatch, site)


# An exercise's solution is its block's example above; its starter and wrong answers are
# programs a reader reads too.
def test_exercise_answer_passes_ruff(
    exercise_answer: DocExample,
    eval_example: EvalExample,
    monkeypatch: pytest.MonkeyPatch,
    site,
) -> None:
    lint(exercise_answer, eval_example, monkeypatch, site)


def lint(page_example, eval_example, monkeypatch, site) -> None:
    with block_errors_fail_the_test():
        code = page_example.code_example()
    try:
        requires = page_example.settings().requires
    except BlockError:
        requires = None  # the run test names the bad setting; saying it twice helps nobody
    # Concise output is the format pytest-examples maps back to file:line.
    monkeypatch.setenv("RUFF_OUTPUT_FORMAT", "concise")
    monkeypatch.chdir(site)  # ruff reads the project's rules from pyproject.toml
    target = "py{}{}".format(*(requires or (3, 11)))
    eval_example.set_config(target_version=target, ruff_line_length=88)
    eval_example.lint_ruff(code)
