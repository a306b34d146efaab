"""An example's output block as HTML: its lines, each with its checked time, and its stderr."""

from __future__ import annotations

import html

from ..settings import Settings


def output_html(text: list[str], times: list[float] | None, settings: Settings) -> str:
    """An output block like Material's code blocks, with times in a gutter.

    The time is drawn by CSS from data-t, so it is not part of the text: the
    copy button and a reader's selection get the program's output alone. The block's
    times, as recorded, are in data-times too: the Run button hands them to the judge.
    """
    title = f"Output · ~{settings.duration:g} s"
    if settings.raises:
        title += f", then {settings.raises}"
    rows = []
    for number, line in enumerate(text):
        escaped = html.escape(line)
        if times and number < len(times):
            stamp = f"{times[number]:.1f}s"
            rows.append(f'<span class="example-line" data-t="{stamp}">{escaped}</span>')
        else:
            rows.append(escaped)
    warns = "".join(
        f'<p class="example-stderr">Also on stderr: <code>{html.escape(w)}</code></p>'
        for w in settings.warns
    )
    recorded = "" if times is None else f' data-times="{" ".join(map(repr, times))}"'
    return (
        f'<div class="language-output highlight example-output"{recorded}>'
        f'<span class="filename">{html.escape(title)}</span>'
        f"<pre><span></span><code>{chr(10).join(rows)}</code></pre></div>{warns}"
    )
