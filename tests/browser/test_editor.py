"""The code editor (docs/assets/run/editor.mjs), the share link (share.mjs) and the
playground (docs/playground.md) in Chromium:

- nothing of the editor is fetched before a reader's first click, and then its one
  bundle, once; Tab indents, Shift+Tab dedents, and Escape then Tab leaves the editor,
  which a visible hint says; a reader passing through by Tab is not trapped in it;
- a shared link carries the program byte for byte (non-ASCII, a tab, the trailing
  newline), in its fragment only, and opening it shows the program marked as the link's
  without running it;
- the playground runs a program typed into it, and Stop ends one at once;
- axe finds nothing on the editor and the link's notice in either colour scheme, nor at
  a phone's width, where nothing reaches past the screen;
- without its bundle, the text box stays, and says so.

Typing into the exercise's editor and Checking it: test_exercises.py; Edit and Run with
the editor: test_run_controls.py.
"""

from __future__ import annotations

import base64
import zlib
from urllib.parse import parse_qs, urlsplit

import pytest

from browser import accessibility, code_editor, phone
from browser.conftest import DESKTOP
from browser.run_button import FIRST_LOAD, read, require_runtime, runtime_requests
from browser.watch import Watch

pytestmark = [pytest.mark.xdist_group("editor"), pytest.mark.long]
GATHER = "running-several-coroutines/"
PLAYGROUND = "playground/"
EDITOR_PARTS = ("/assets/run/editor.mjs", "/assets/run/codemirror.mjs")
# What a reader might share: non-ASCII in a string and a comment, a tab, a line's
# trailing spaces, and the newline at the end.
SHARED = (
    "import asyncio\n\n\n"
    "async def main():\n"
    '    print("Grüße, 世界 ✓ 🐍")  # ü\t(a tab)   \n'
    "    await asyncio.sleep(0.1)\n\n\n"
    "asyncio.run(main())\n"
)


@pytest.fixture(autouse=True)
def runtime_installed() -> None:
    require_runtime()


def new_page(browser, **options):
    context = browser.new_context(
        viewport=DESKTOP["viewport"], permissions=["clipboard-read", "clipboard-write"], **options
    )
    context.set_default_timeout(10_000)
    return context, Watch(context), context.new_page()


def editor_requests(watch: Watch) -> list[str]:
    return [url for url in watch.requested if any(part in url for part in EDITOR_PARTS)]


def test_nothing_of_the_editor_comes_before_a_click_and_its_keys_work(browser, site_url) -> None:
    context, watch, page = new_page(browser)
    page.goto(site_url + GATHER, wait_until="networkidle")
    assert runtime_requests(watch.requested) == []
    box = page.locator(".example-run[data-name]").first
    box.locator(".example-run__edit").click()
    content = code_editor.wait_for_editor(box)
    assert [urlsplit(url).path.rsplit("/", 1)[1] for url in editor_requests(watch)] == [
        "editor.mjs",
        "codemirror.mjs",
    ]
    # Editing runs nothing: Python is not fetched.
    assert [url for url in runtime_requests(watch.requested) if "pyodide" in url] == []
    # Named by its visible label, its keys said in a visible hint.
    label = content.get_attribute("aria-labelledby")
    assert page.locator(f"#{label}").inner_text().startswith("Your version of ")
    hint = page.locator(f"#{content.get_attribute('aria-describedby')}")
    assert hint.is_visible()
    assert "Escape, then Tab" in hint.inner_text()
    assert content.get_attribute("aria-keyshortcuts") == "Control+Enter"

    original = code_editor.text_of(box)
    page.keyboard.press("Control+End")
    page.keyboard.type("if True:")
    page.keyboard.press("Enter")  # the editor indents the block's first line
    assert code_editor.current_line(box) == "    "
    page.keyboard.press("Tab")
    assert code_editor.current_line(box) == "        "
    page.keyboard.press("Shift+Tab")
    page.keyboard.type("pass")
    assert code_editor.text_of(box) == original + "if True:\n    pass"
    page.keyboard.press("Control+z")  # undo, then redo
    assert code_editor.text_of(box) != original + "if True:\n    pass"
    page.keyboard.press("Control+y")
    assert code_editor.text_of(box) == original + "if True:\n    pass"
    # Tab stays in the editor; Escape, then Tab, leaves it and types nothing.
    page.keyboard.press("Escape")
    page.keyboard.press("Tab")
    assert not content.evaluate("el => el.contains(document.activeElement)")
    assert code_editor.text_of(box) == original + "if True:\n    pass"
    assert watch.problems() == []
    context.close()


def test_a_reader_passing_through_by_tab_is_not_trapped(browser, site_url) -> None:
    """The editor takes an exercise's text box's place as a keyboard user reaches it: the
    next Tab still moves on, as from any field; once they press another key, Tab indents."""
    context, watch, page = new_page(browser)
    page.goto(site_url + GATHER, wait_until="networkidle")
    box = page.locator(".example-exercise").first
    heading = box.locator("xpath=preceding::h2[1]")  # "Your turn: ...", above the program
    heading.evaluate("el => { el.tabIndex = -1; el.focus(); }")
    in_editor = "el => el.contains(document.activeElement)"
    # On the text box, or already in the editor that took its place and its focus.
    in_program = "box => box.querySelector('textarea, .cm-editor').contains(document.activeElement)"
    for _ in range(20):
        page.keyboard.press("Tab")
        if box.evaluate(in_program):
            break
    else:
        raise AssertionError("20 Tab presses from the exercise's heading never reached its box")
    content = code_editor.wait_for_editor(box)
    page.wait_for_function(in_editor, arg=content.element_handle())  # it took the box's focus
    original = code_editor.text_of(box)
    page.keyboard.press("Tab")
    assert not content.evaluate(in_editor), "Tab did not move on from the editor"
    page.keyboard.press("Shift+Tab")  # back, by the keyboard again
    assert content.evaluate(in_editor), "Shift+Tab did not come back to the editor"
    assert code_editor.text_of(box) == original, "passing through typed into the program"
    page.keyboard.press("Control+Home")  # another key: the reader is editing now
    page.keyboard.press("Tab")
    assert content.evaluate(in_editor)
    assert code_editor.text_of(box) == "    " + original
    page.keyboard.press("Escape")
    page.keyboard.press("Tab")
    assert not content.evaluate(in_editor)
    assert watch.problems() == []
    context.close()


def program_in_link(link: str) -> tuple[str, str]:
    """What the link's fragment carries, decoded here as share.mjs says it is made."""
    fragment = parse_qs(urlsplit(link).fragment)
    packed = fragment["run"][0]
    data = base64.urlsafe_b64decode(packed[2:] + "=" * (-len(packed[2:]) % 4))
    if packed.startswith("d."):
        data = zlib.decompress(data, wbits=-15)  # deflate-raw
    else:
        assert packed.startswith("t."), packed
    return data.decode("utf-8"), fragment["example"][0]


def share(page, box, program: str) -> str:
    box.locator("textarea").evaluate("(text, program) => { text.value = program }", program)
    # The last Share's words would satisfy the wait below before this one's link is copied.
    box.locator(".example-run__status").evaluate("status => { status.textContent = '' }")
    box.locator(".example-run__share").click()
    box.locator(".example-run__status", has_text="Link copied").wait_for()
    return page.evaluate("navigator.clipboard.readText()")


def test_a_shared_link_carries_the_program_exactly_and_does_not_run_it(browser, site_url) -> None:
    context, watch, page = new_page(browser)
    page.goto(site_url + GATHER, wait_until="networkidle")
    box = page.locator(".example-run[data-name]").first
    name = box.get_attribute("data-name")
    box.locator(".example-run__edit").click()
    code_editor.wait_for_editor(box)
    link = share(page, box, SHARED)
    assert link.startswith(site_url + GATHER + "#run=")
    assert program_in_link(link) == (SHARED, name)
    # A long program is deflated, and still exact.
    long = SHARED + "".join(f"# line {n}: ünïcode\n" for n in range(300))
    long_link = share(page, box, long)
    assert "#run=d." in long_link
    assert len(long_link) < len(long.encode())
    assert program_in_link(long_link) == (long, name)

    opened = context.new_page()
    seen = Watch(opened)
    opened.goto(link, wait_until="networkidle")
    box = opened.locator(".example-run[data-name]").first
    notice = box.locator(".example-run__from-link")
    notice.wait_for()
    assert "came from a link" in notice.inner_text()
    code_editor.wait_for_editor(box)
    assert code_editor.text_of(box) == SHARED
    assert notice.get_attribute("id") in box.locator(".cm-content").get_attribute(
        "aria-describedby"
    )
    opened.wait_for_timeout(1000)
    assert read(box).lines == []
    assert box.locator(".example-run__status").inner_text() == ""
    assert [url for url in runtime_requests(seen.requested) if "pyodide" in url] == []
    # The fragment never leaves the browser.
    assert [url for url in seen.requested if "run=" in url] == []
    # Run runs it, as the reader's own program.
    box.locator(".example-run__run").click()
    box.locator(".example-run__run:not([disabled])").wait_for(timeout=FIRST_LOAD * 1000)
    ran = read(box)
    assert ran.stdout == ["Grüße, 世界 ✓ 🐍"], ran.status
    assert ran.verdict.startswith("Your edited program differs")
    # Reset takes the page's program back, and the notice away.
    box.locator(".example-run__reset").click()
    assert notice.count() == 0
    assert watch.problems() == []
    assert seen.problems() == []
    context.close()


def test_the_playground_runs_a_typed_program_and_stop_ends_one(browser, site_url) -> None:
    context, watch, page = new_page(browser)
    page.goto(site_url + PLAYGROUND, wait_until="networkidle")
    assert runtime_requests(watch.requested) == []
    box = page.locator(".example-playground")
    assert box.locator(".example-run__edit").is_hidden()
    starter = code_editor.text_of(box)
    assert starter.startswith("import asyncio\n")
    assert starter.endswith("asyncio.run(main())\n")
    box.locator(".example-run__editor label").click()  # the label leads to the text box
    code_editor.wait_for_editor(box)
    code_editor.type_program(
        page,
        box,
        "import asyncio\n\n\nasync def main():\n    print('started')\n"
        "    await asyncio.sleep(30)\n\n\nasyncio.run(main())\n",
    )
    box.locator(".example-run__run").click()
    box.locator(".example-run__live .example-line").first.wait_for(timeout=FIRST_LOAD * 1000)
    box.locator(".example-run__stop").click()
    assert read(box).status == "Stopped."
    program = (
        "import asyncio\n\n\nasync def tick(n):\n    await asyncio.sleep(n / 10)\n"
        "    print(f'tick {n}')\n\n\nasync def main():\n"
        "    await asyncio.gather(*(tick(n) for n in (3, 1, 2)))\n"
        "    print('héllo ✓')\n\n\nasyncio.run(main())\n"
    )
    box.locator(".cm-content").focus()
    code_editor.type_program(page, box, program)
    assert code_editor.text_of(box) == program
    page.keyboard.press("Control+Enter")
    box.locator(".example-run__run:not([disabled])").wait_for(timeout=FIRST_LOAD * 1000)
    box.locator(".example-run__verdict:not(:empty)").wait_for()
    ran = read(box)
    assert ran.stdout == ["tick 1", "tick 2", "tick 3", "héllo ✓"], ran.status
    assert ran.verdict == "It ended normally."
    assert ran.status.startswith("Ended after 0.")
    # A program that fails is told so, with its traceback shown as it ran.
    box.locator(".cm-content").focus()
    code_editor.type_program(page, box, "print('before')\n1 / 0\n")
    box.locator(".example-run__run").click()
    box.locator(".example-run__run:not([disabled])").wait_for(timeout=FIRST_LOAD * 1000)
    failed = read(box)
    assert failed.stdout == ["before"]
    assert failed.lines[-1] == "ZeroDivisionError: division by zero"
    assert failed.verdict == (
        "It ended with an error (exit status 1): its traceback is above, in italics."
    )
    box.locator(".example-run__reset").click()
    assert code_editor.text_of(box) == starter
    assert watch.problems() == []
    context.close()


def test_the_editor_and_a_links_notice_are_accessible_in_both_schemes_and_on_a_phone(
    browser, site_url
) -> None:
    context, _, page = new_page(browser)
    page.goto(site_url + PLAYGROUND, wait_until="networkidle")
    link = share(page, page.locator(".example-playground"), SHARED)
    page = context.new_page()  # a new document: the same page's fragment would not reload
    page.goto(link, wait_until="networkidle")
    box = page.locator(".example-playground")
    box.locator(".example-run__from-link").wait_for()
    box.locator("textarea").focus()
    code_editor.wait_for_editor(box)
    assert accessibility.everywhere(page, PLAYGROUND, ".example-playground") == {}
    page.set_viewport_size(phone.SIZE)
    width = box.locator(".cm-editor").evaluate("el => el.getBoundingClientRect().right")
    assert width <= phone.SIZE["width"]
    context.close()


def test_without_its_bundle_the_text_box_stays_and_says_so(browser, site_url) -> None:
    context, _, page = new_page(browser)
    context.route("**/assets/run/codemirror.mjs", lambda route: route.abort())
    page.goto(site_url + GATHER, wait_until="networkidle")
    box = page.locator(".example-run[data-name]").first
    box.locator(".example-run__edit").click()
    note = box.locator(".example-editor__note")
    note.wait_for()
    assert "could not load" in note.inner_text()
    text = box.locator("textarea")
    assert text.is_visible()
    assert text.evaluate("el => el === document.activeElement")
    page.keyboard.press("Control+End")
    page.keyboard.type("# still a text box")
    assert text.input_value().endswith("\n# still a text box")
    context.close()
