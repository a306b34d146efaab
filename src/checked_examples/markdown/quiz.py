"""Predict the output: an example whose fence says `quiz="why"` asks the reader to put its
output lines in order before the page shows them.

The answer is the example's checked output block (recorded by make update-examples), so
no answer is ever typed. Rendered hidden after the block, with the lines' shuffled
order and the sentence that says why; docs/assets/run/quiz.mjs hides the block (and
its timeline) until the reader answers or gives up, and builds the controls. A page read
without JavaScript shows the output block as any other.
"""

from __future__ import annotations

import html
import random
import zlib

from ..settings import QUIZ_LINES, Settings, SettingsError


def shuffled(lines: list[str]) -> list[int]:
    """The lines' indexes in the order the quiz first shows them: the same on every build
    (seeded by the lines), and never an order that reads as the answer."""
    order = list(range(len(lines)))
    random.Random(zlib.crc32("\n".join(lines).encode())).shuffle(order)
    for _ in range(len(lines)):
        if [lines[i] for i in order] != lines:
            return order
        order = order[1:] + order[:1]
    raise SettingsError("quiz= needs output lines that differ: every order of these reads the same")


def quiz_html(lines: list[str], settings: Settings, name: str) -> str:
    if len(lines) not in QUIZ_LINES:
        raise SettingsError(
            f"{name}: quiz= asks to order {QUIZ_LINES.start} to {QUIZ_LINES.stop - 1} output "
            f"lines, and its output has {len(lines)}: choose an example whose short output's "
            "order is the lesson"
        )
    order = " ".join(map(str, shuffled(lines)))
    return (
        f'<div class="example-quiz" data-name="{html.escape(name)}" data-order="{order}" hidden>'
        f'<p class="example-quiz__why">{html.escape(settings.quiz or "")}</p></div>'
    )
