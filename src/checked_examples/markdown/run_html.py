"""The Run controls under an example's program, or why a browser cannot run it.

The controls are rendered hidden: docs/assets/run/run-button.mjs shows them where the
browser can run the program (JavaScript, WebAssembly with stack switching, Workers),
so a page read without JavaScript has no button that does nothing. The reason an
example cannot run is plain text, shown with or without JavaScript.

The program is read from the code block above and the checked output from the
```output block below, so the page carries neither twice; the controls carry only
what the judge needs that the page does not show. A build without the runtime among the
site's files (runtime.py: no npm to install it) renders no controls at all.
"""

from __future__ import annotations

import html

from .. import checker, runtime
from ..exercise import Exercise
from ..settings import Settings

# How the controls' container starts: a page that has one needs the Run button's script.
CONTAINER = '<div class="example-run" data-name='


def run_html(settings: Settings, name: str) -> str:
    reason = settings.browser.reason
    if reason is not None:
        return (
            '<p class="example-run example-run--no">'
            f"Not run in your browser: {html.escape(reason)}. "
            "Copy the program (the button at its top right) and run it with Python."
            "</p>"
        )
    if not runtime.installed():
        return ""
    data = {
        "name": name,
        "duration": f"{settings.duration:g}",
        "tolerance": f"{settings.tolerance:g}",
        "raises": settings.raises or "",
        "warns": "|".join(settings.warns),
    }
    attributes = " ".join(f'data-{key}="{html.escape(value)}"' for key, value in data.items())
    return f'<div class="example-run" {attributes} hidden></div>'


# How an exercise's controls start: docs/assets/run/run-button.mjs fills and shows them.
EXERCISE = '<div class="example-exercise" data-name='


def exercise_html(settings: Settings, exercise: Exercise) -> str:
    """An exercise's Check controls (exercise.py): the Run controls' data, and what the
    page reveals on request, hidden until the script shows it: the hints, one at a time,
    and the solution, after a first Check."""
    reason = settings.browser.reason
    if reason is not None:
        return download_html(reason, exercise)
    if not runtime.installed():
        return run_html(settings, exercise.starter.name)
    data = {
        "name": f"{exercise.name}.py",
        # Its folder under examples/, unique on the site: what the page's progress keeps.
        "exercise": exercise.key,
        "duration": f"{settings.duration:g}",
        "tolerance": f"{settings.tolerance:g}",
        "timeout": f"{settings.timeout:g}",
        "raises": settings.raises or "",
        "warns": "|".join(settings.warns),
        "starter-fails": settings.starter_fails or "",
    }
    attributes = " ".join(f'data-{key}="{html.escape(value)}"' for key, value in data.items())
    hints = "".join(f"<li hidden>{_inline_code(hint)}</li>" for hint in exercise.hints())
    solution = html.escape(exercise.solution.read_text(encoding="utf-8"))
    return (
        f'<div class="example-exercise" {attributes} hidden>'
        f'<ol class="example-exercise__hints">{hints}</ol>'
        # The theme renames a <pre>'s id (and gives it a copy button): the <div> keeps its.
        f'<div class="example-exercise__solution" id="exercise-{exercise.name}-solution" hidden>'
        f"<pre><code>{solution}</code></pre></div>"
        "</div>"
    )


def download_html(reason: str, exercise: Exercise) -> str:
    """An exercise a browser cannot run: why, the checker to download and the command that
    runs it (checker.py), then the hints, one at a time, and the solution, each behind a
    summary the keyboard opens. Plain HTML: it needs no script."""
    name = checker.file_name(exercise.name)
    check = ""
    if checker.installed(exercise.name):
        check = (
            " Check your program on your computer instead: download "
            f'<a href="{checker.href(exercise.name)}" download>{name}</a> and run, with '
            f"Python 3.11 or newer, <code>python {name} my_program.py</code> (your "
            "program's file): it runs your program as this site's tests do, and says "
            "whether it meets the goal."
        )
    hints = "".join(
        f"<details><summary>Hint {n}</summary><p>{_inline_code(hint)}</p></details>"
        for n, hint in enumerate(exercise.hints(), start=1)
    )
    solution = html.escape(exercise.solution.read_text(encoding="utf-8"))
    return (
        '<div class="example-exercise-download">'
        # The reason's class, as for an example's: it is counted and compared as one.
        f'<p class="example-run example-run--no">'
        f"Not checked in your browser: {html.escape(reason)}.{check}</p>"
        f"{hints}"
        f"<details><summary>The solution</summary><pre><code>{solution}</code></pre></details>"
        "</div>"
    )


def _inline_code(text: str) -> str:
    """A hint's text, escaped, with its `code` spans as <code>."""
    parts = html.escape(text, quote=False).split("`")
    return "".join(f"<code>{part}</code>" if n % 2 else part for n, part in enumerate(parts))
