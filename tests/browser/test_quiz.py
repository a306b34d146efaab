"""Predict the output (quiz= on an example's fence; docs/assets/run/quiz.mjs): the output
block stays hidden until the reader checks an order or shows the answer; the lines can be
put in order with the keyboard alone and with the mouse, each move said in a live region;
the right order is told right and a wrong one shows the answer with why; axe finds
nothing on the controls in either scheme and at phone width; nothing of Python is
fetched.

The barrier example of the synchronization page (six lines) and the as_completed one of
running-several-coroutines (three) are the quizzes here; the answer is read from the
page's own output block, as the quiz reads it.
"""

from __future__ import annotations

from browser import accessibility, phone
from browser.run_button import runtime_requests

PATH = "synchronization/"
NAME = "barrier_releases_all_when_the_last_arrives.py"


def the_quiz(page, site_url: str, path: str = PATH, name: str = NAME):
    page.goto(site_url + path, wait_until="networkidle")
    quiz = page.locator(f".example-quiz[data-name='{name}']")
    quiz.wait_for(state="visible")
    return quiz


def answer_of(quiz) -> list[str]:
    """The checked output's lines, from the block the quiz hides."""
    return quiz.evaluate(
        """quiz => { let node = quiz.previousElementSibling;
        while (!node.classList.contains('example-output')) node = node.previousElementSibling;
        return node.querySelector('pre code').textContent.replace(/\\n$/, '').split('\\n'); }"""
    )


def order_of(quiz) -> list[str]:
    return quiz.locator(".example-quiz__line").evaluate_all(
        "items => items.map(i => i.dataset.text)"
    )


def output_hidden(quiz) -> bool:
    return quiz.evaluate(
        """quiz => { let node = quiz.previousElementSibling;
        while (!node.classList.contains('example-output')) node = node.previousElementSibling;
        return node.hidden && node.offsetParent === null; }"""
    )


def test_the_output_is_hidden_and_the_lines_shuffled_until_answered(page, watch, site_url) -> None:
    quiz = the_quiz(page, site_url)
    answer = answer_of(quiz)
    assert 3 <= len(answer) <= 6
    assert output_hidden(quiz)
    shown = order_of(quiz)
    assert sorted(shown) == sorted(answer)
    assert shown != answer, "the quiz must never start in the right order"
    assert quiz.locator(".example-quiz__why").is_hidden()
    assert runtime_requests(watch.requested) == []


def test_keyboard_alone_puts_the_lines_in_order_and_is_told_right(page, watch, site_url) -> None:
    quiz = the_quiz(page, site_url)
    answer = answer_of(quiz)
    said = quiz.locator(".example-quiz__said")
    for place, text in enumerate(answer):
        at = order_of(quiz).index(text)
        if at == place:
            continue
        quiz.locator(".example-quiz__pick").nth(at).focus()
        page.keyboard.press("Space")  # picks it up
        assert quiz.locator(".example-quiz__pick").nth(at).get_attribute("aria-pressed") == "true"
        assert said.inner_text().startswith(f"“{text}” picked up, at position {at + 1} of")
        for _ in range(at - place):
            page.keyboard.press("ArrowUp")
        assert said.inner_text() == f"“{text}” moved to position {place + 1} of {len(answer)}."
        page.keyboard.press("Space")  # puts it down
    assert order_of(quiz) == answer
    # Down the page with Tab, to Check order.
    while not page.evaluate("document.activeElement.classList.contains('example-quiz__check')"):
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    verdict = quiz.locator(".example-quiz__verdict")
    assert verdict.inner_text().startswith("Right: that is the order the checked run printed")
    assert quiz.locator(".example-quiz__why").is_visible()
    assert not output_hidden(quiz)
    assert quiz.evaluate("quiz => quiz.quizAnswer.right") is True
    assert runtime_requests(watch.requested) == []
    assert watch.problems() == []


def test_a_wrong_order_shows_the_answer_and_why(page, site_url) -> None:
    quiz = the_quiz(page, site_url)
    # The Move down button moves the first line one place: still not the answer here.
    first = order_of(quiz)[0]
    quiz.locator(".example-quiz__down").first.focus()
    page.keyboard.press("Enter")
    assert order_of(quiz)[1] == first
    assert quiz.locator(".example-quiz__said").inner_text() == (
        f"“{first}” moved to position 2 of {len(order_of(quiz))}."
    )
    if order_of(quiz) == answer_of(quiz):  # it could have been one move away
        page.keyboard.press("Enter")
    quiz.locator(".example-quiz__check").focus()
    page.keyboard.press("Enter")
    assert quiz.locator(".example-quiz__verdict").inner_text().startswith("Not this order")
    assert quiz.locator(".example-quiz__why").inner_text().startswith("Each player waits")
    assert not output_hidden(quiz)
    assert all(button.is_disabled() for button in quiz.locator("button").all())


def test_the_mouse_drags_the_lines_into_order(page, site_url) -> None:
    quiz = the_quiz(
        page, site_url, "running-several-coroutines/", "as_completed_yields_in_finish_order.py"
    )
    answer = answer_of(quiz)
    for place, text in enumerate(answer):
        at = order_of(quiz).index(text)
        if at == place:
            continue
        quiz.locator(".example-quiz__lines").scroll_into_view_if_needed()
        start = quiz.locator(".example-quiz__pick").nth(at).bounding_box()
        target = quiz.locator(".example-quiz__line").nth(place).bounding_box()
        page.mouse.move(start["x"] + 30, start["y"] + start["height"] / 2)
        page.mouse.down()
        page.mouse.move(start["x"] + 30, target["y"] + 3, steps=8)
        page.mouse.up()
    assert order_of(quiz) == answer
    assert quiz.locator(".example-quiz__said").inner_text().startswith("“")
    # A drag is no pick-up: no line is left picked.
    assert quiz.locator(".example-quiz__pick[aria-pressed='true']").count() == 0
    quiz.locator(".example-quiz__check").click()
    assert quiz.locator(".example-quiz__verdict").inner_text().startswith("Right")


def test_the_quiz_is_accessible_in_both_schemes_and_fits_a_phone(page, site_url) -> None:
    quiz = the_quiz(page, site_url)
    quiz.locator(".example-quiz__pick").first.click()  # one line picked up
    assert accessibility.everywhere(page, PATH, ".example-quiz") == {}
    page.set_viewport_size(phone.SIZE)
    quiz.locator(".example-quiz__give-up").click()
    assert quiz.locator(".example-quiz__verdict").inner_text() == (
        "The answer is the checked output above."
    )
    assert accessibility.on(page, ".example-quiz") == []
