"""The copy buttons give a reader exactly what the page promises.

A program's button copies the example file as it is on disk, so a paste runs; an
output block's button copies the program's output without the time gutter.
test_pages.py runs this on every page with examples, in its one visit of the page.
"""

from __future__ import annotations

import difflib
import re

from checked_examples.page import DocExample
from checked_examples.tools.site_pages import REVEAL

_REQUIRES = re.compile(r" \(Python [\d.]+\+\)$")

# Each titled block's title and whether it is an output block, in page order.
_BLOCKS = "article div.highlight:has(> span.filename)"
_TITLES = """blocks => blocks.map(b => [
  b.querySelector(":scope > span.filename").innerText, b.classList.contains("example-output")
])"""

# What a reader opens first when a block is folded away: its <details> and its tab.


# What the clipboard holds once the theme's asynchronous write has come (or "" after 1 s).
_READ_AFTER_THE_THEME_WROTE = """async () => {
  let text = "";
  for (let waited = 0; !text && waited < 1000; waited += 20) {
    text = await navigator.clipboard.readText();
    if (!text) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return text;
}"""


# Each block from the `start`-th revealed and its button clicked in turn, and what that
# left on the clipboard (emptied first, so that a button that copies nothing is seen; on a
# page of 60 blocks a read right after the click sometimes came before the theme's write).
# A click from the page's own script reaches the theme's handler as a reader's does, and
# a page takes one round trip or a few: a mouse click per button (Playwright scrolls,
# moves the pointer, waits for a repaint) took 3 times the processor time of this check.
# The theme copies only with a user activation, which Playwright's evaluate carries for
# 5 s from its start: on a busy machine a long page took longer, and every block after
# that copied "". So the loop stops when the activation is gone, and `problems` calls it
# again, with a new one, from the first block not copied.
_COPY_FROM = (
    """async (blocks, start) => {
  const reveal = """
    + REVEAL
    + """;
  const readAfterTheThemeWrote = """
    + _READ_AFTER_THE_THEME_WROTE
    + """;
  const copied = [];
  for (const block of blocks.slice(start)) {
    if (!navigator.userActivation.isActive) break;
    reveal(block);
    await navigator.clipboard.writeText("");
    block.querySelector("button[data-md-type=copy]").click();
    // A button that copies nothing still leaves "" after a second, and fails.
    const text = await readAfterTheThemeWrote();
    if (!text && !navigator.userActivation.isActive) break;  // tried again, activated
    copied.push(text);
  }
  return copied;
}"""
)


def mouse_copied(page, block) -> str:
    """What the block's button copies when a reader clicks it with the mouse (Playwright
    moves the pointer onto it, so it is also found visible and uncovered)."""
    block.evaluate(REVEAL)
    page.evaluate('navigator.clipboard.writeText("")')
    block.locator("button[data-md-type=copy]").click()
    return page.evaluate(_READ_AFTER_THE_THEME_WROTE)


def _differs(what: str, expected: str, got: str) -> list[str]:
    diff = difflib.unified_diff(
        expected.splitlines(), got.splitlines(), "expected", "copied", lineterm="", n=1
    )
    return [f"{what} copies something else:", *(f"    {line}" for line in list(diff)[:20])]


def problems(page, examples: list[DocExample]) -> list[str]:
    """Click every copy button of the page `page` shows, whose examples are `examples`."""
    blocks = page.locator(_BLOCKS)
    titles = blocks.evaluate_all(_TITLES)
    clipboard: list[str] = []
    while len(clipboard) < len(titles):
        more = blocks.evaluate_all(_COPY_FROM, len(clipboard))
        assert more, f"block {len(clipboard) + 1} took over 5 s to copy"
        clipboard += more
    programs, outputs = [], []
    for (title, is_output), text in zip(titles, clipboard, strict=True):
        title = _REQUIRES.sub("", title)
        if is_output:
            outputs.append(text)
        elif title.endswith(".py"):
            programs.append((title, text))

    names = [example.program_name for example in examples]
    if [title for title, _ in programs] != names:
        return [f"the page's programs, in order, are {[t for t, _ in programs]}, not {names}"]
    found = []
    # One button clicked as a reader does, with the mouse: the first block's.
    if titles and (by_mouse := mouse_copied(page, blocks.first)) != clipboard[0]:
        found += _differs(f"{titles[0][0]}, clicked with the mouse,", clipboard[0], by_mouse)
    for example, (title, copied) in zip(examples, programs, strict=True):
        on_disk = example.embedded.read_text(encoding="utf-8") if example.embedded else None
        # Material trims the file's final newline from what it copies; nothing else.
        expected = (on_disk or example.program()).removesuffix("\n")
        if copied != expected:
            found += _differs(title, expected, copied)
            continue
        try:
            compile(copied, title, "exec")  # what the reader pastes is a whole program
        except SyntaxError as error:
            found.append(f"{title}: what it copies does not compile: {error}")

    expected_outputs = [example.output.text for example in examples if example.output is not None]
    if len(outputs) != len(expected_outputs):
        found.append(
            f"{len(outputs)} output blocks, {len(expected_outputs)} examples with an output"
        )
        return found
    for number, (text, copied) in enumerate(zip(expected_outputs, outputs, strict=True), 1):
        if copied.rstrip("\n") != text.rstrip("\n"):
            found += _differs(f"output block {number}", text.rstrip("\n"), copied.rstrip("\n"))
    return found
