"""The `source` fence: a whole file of the repository, shown as it is, to copy.

The recipes (src/asyncio_recipes/) are modules, not examples: nothing runs them
as programs, so they cannot go in a `py` fence, which is always an example with
the suite's settings. Their pages show each whole module in a `source` fence:

    ```source
    --8<-- "src/asyncio_recipes/bounded.py"
    ```

The file is read at build time, highlighted as Python, titled with its name,
and gets Material's copy button like any code block. Its tests are its own
(tests/recipes/), not the example suite's.
"""

from __future__ import annotations

from pathlib import Path

from ..embed import embedded_path, read_embedded
from ..errors import BlockError
from .fence_position import fence_being_read
from .fences import ExampleFenceError

LANGUAGE = "source"


def validate_source(language, inputs, options, attrs, md) -> bool:
    if inputs or attrs:
        position = fence_being_read(md, (LANGUAGE,))
        raise ExampleFenceError(f"{position.line}: a source fence takes no settings")
    # Remembered now: the fence's position is known only while superfences validates it.
    options["line"] = fence_being_read(md, (LANGUAGE,)).line
    return True


def format_source(src, language, class_name, options, md, **kwargs) -> str:
    line = options.pop("line")
    path, problem = embedded_path(src)
    try:
        if path is None:
            raise BlockError(f'a source fence holds one line, --8<-- "<file>", not {src!r}')
        if problem:
            raise BlockError(problem)
        # Relative to where the build runs, the repository root, as the examples' embeds.
        text = read_embedded(Path.cwd(), path)
    except BlockError as error:
        raise ExampleFenceError(f"{line}: {error}") from None
    options["title"] = Path(path).name
    highlight = md.preprocessors["fenced_code_block"].highlight  # superfences' default fence
    return highlight(src=text, language="python", options=options, md=md, **kwargs)
