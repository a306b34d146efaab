"""The machinery behind `tests/test_examples.py`.

Each example on the site is a fenced `py` block in `docs/`: either an embed of a
file from `examples/` (`--8<-- "examples/<page>/<lesson>.py"`) or, rarely, a
program written inline. The block's info string carries its settings
(`duration="2"` and friends); the ```` ```output ```` block right under it holds
what the program prints. That format (settings, embed line, output block) is
defined in src/example_format/, which the site build renders from too.

- `blocks.py`: finds the examples in `docs/` (through pytest-examples) and pairs
  each with its program text and its output block.
- `runner.py`: runs one program the way a reader does, `python file.py`, and
  records what it printed, when, and how it ended.
- `verdict.py`: compares a run with what the page promises.
- `rewrite.py`: writes real output back into the pages (`make update-examples`).
"""
