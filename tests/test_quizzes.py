"""Every quiz (quiz= on an example's fence, markdown/quiz.py) has its answer on the page:
an output block under its example, which the build hides until the reader answers. The
build renders nothing for a quiz without one, so this is where that mistake is named."""

from __future__ import annotations

from checked_examples.errors import BlockError
from checked_examples.page import site_examples
from checked_examples.settings import QUIZ_LINES


def test_every_quiz_has_a_recorded_output_to_order() -> None:
    quizzes, problems = 0, []
    for example in site_examples():
        try:
            settings = example.settings()
        except BlockError:
            continue  # the example's own test names the bad setting
        if not settings.quiz:
            continue
        quizzes += 1
        if example.output is None:
            problems.append(f"{example.where}: quiz= needs the output block under the example")
        elif len(example.output.text.splitlines()) not in QUIZ_LINES:
            problems.append(f"{example.where}: quiz= needs 3 to 6 output lines")
    assert problems == []
    assert quizzes >= 8, "the lessons' quizzes are gone"
