"""The docs' examples as the tests see them: found once per process, shared by the
run test (tests/test_examples.py) and the lint test (tests/test_example_lint.py)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from example_format.errors import BlockError

from .blocks import DocExample, find_doc_examples

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = find_doc_examples(ROOT)


def example_id(example: DocExample) -> str:
    return example.test_id


@contextmanager
def block_errors_fail_the_test() -> Iterator[None]:
    """A block the harness cannot read fails its own test, with the page's file:line."""
    try:
        yield
    except BlockError as error:
        pytest.fail(str(error), pytrace=False)
