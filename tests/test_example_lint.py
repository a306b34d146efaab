"""Every example passes ruff, with the project's rules, at 88 columns for phone screens,
through pytest-examples (which maps a finding back to the file and line)."""

from __future__ import annotations

import pytest
from pytest_examples import EvalExample

from example_format.errors import BlockError
from example_harness.blocks import DocExample
from example_harness.collected import EXAMPLES, ROOT, block_errors_fail_the_test, example_id


@pytest.mark.parametrize("example", EXAMPLES, ids=example_id)
def test_example_passes_ruff(
    example: DocExample, eval_example: EvalExample, monkeypatch: pytest.MonkeyPatch
) -> None:
    with block_errors_fail_the_test():
        code = example.code_example()
    try:
        requires = example.settings().requires
    except BlockError:
        requires = None  # the run test names the bad setting; saying it twice helps nobody
    # Concise output is the format pytest-examples maps back to file:line.
    monkeypatch.setenv("RUFF_OUTPUT_FORMAT", "concise")
    monkeypatch.chdir(ROOT)  # ruff reads the project's rules from pyproject.toml
    target = "py{}{}".format(*(requires or (3, 11)))
    eval_example.set_config(target_version=target, ruff_line_length=88)
    eval_example.lint_ruff(code)
