"""The `playground` fence: a page's editor for any program, with Run and Stop.

    ```playground
    import asyncio
    ...
    ```

The fence holds the starter program, which the page shows as a code block to copy (with
or without JavaScript) and which docs/assets/run/run-button.mjs puts in an editor that is
open from the start. A playground is no example: nothing checks what it prints, so the
suite does not run it and its run is judged by nothing but how it ended. A build without
the runtime among the site's files (runtime.py) renders the code block alone.
"""

from __future__ import annotations

from .. import runtime
from .fence_position import fence_being_read
from .fences import ExampleFenceError

LANGUAGE = "playground"
NAME = "playground.py"
# How a playground's controls start: run-button.mjs fills and shows them.
# Nothing to compare with: the judge is told a day either way, so what it finds is only
# how the program ended (an error, stderr), which is all the page says of a run.
CONTAINER = (
    f'<div class="example-playground" data-name="{NAME}" data-playground="" '
    'data-duration="0" data-tolerance="86400" hidden>'
)


def validate_playground(language, inputs, options, attrs, md) -> bool:
    if inputs or attrs:
        position = fence_being_read(md, (LANGUAGE,))
        raise ExampleFenceError(f"{position.line}: a playground fence takes no settings")
    return True


def format_playground(src, language, class_name, options, md, **kwargs) -> str:
    options["title"] = NAME
    highlight = md.preprocessors["fenced_code_block"].highlight  # superfences' default fence
    starter = highlight(src=src, language="python", options=options, md=md, **kwargs)
    if not runtime.installed():
        return starter
    return f"{starter}\n{CONTAINER}</div>"
