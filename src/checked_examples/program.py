"""What running an example as `python file.py` means, for both places that run one: the
suite's child process (run/runner.py) and the reader's browser (browser_runner.py).
Standard library only: it is shipped to the browser."""

from __future__ import annotations

import ast

# Python's start-up settings for an example, wherever it runs: set iteration order is part
# of some outputs, and colours or a locale's encoding would change the text it prints.
ENVIRONMENT = {
    "PYTHONHASHSEED": "0",
    "PYTHONIOENCODING": "utf-8",
    "PYTHON_COLORS": "0",
    "NO_COLOR": "1",
}


def top_level_imports(source: str) -> list[str]:
    """The modules a program imports at its top level, in order: loaded before its clock
    starts, since loading a module is processor work and no lesson."""
    try:
        body = ast.parse(source).body
    except SyntaxError:
        return []  # the run itself reports it
    names = []
    for node in body:
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module != "__future__":
            names.append(node.module)
    return names
