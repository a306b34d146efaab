"""The copy buttons give a reader exactly what the page promises.

A program's button copies the example file as it is on disk, so a paste runs; an
output block's button copies the program's output without the time gutter.
test_pages.py runs this on every page with examples, in its one visit of the page.
"""

from __future__ import annotations

import difflib
import re

from example_harness.blocks import DocExample

_REQUIRES = re.compile(r" \(Python [\d.]+\+\)$")

# Each titled block's title and whether it is an output block, in page order.
_BLOCKS = "article div.highlight:has(> span.filename)"
_TITLES = """blocks => blocks.map(b => [
  b.querySelector(":scope > span.filename").innerText, b.classList.contains("example-output")
])"""

# What a reader clicks first when a block is folded away: its <details> and its tab. The
# clipboard is emptied first, so that a button that copies nothing is seen.
_REVEAL = """async block => {
  await navigator.clipboard.writeText("");
  for (let d = block.closest("details"); d; d = d.parentElement.closest("details")) d.open = true;
  const up = el => el.parentElement.closest(".tabbed-block");
  for (let tab = block.closest(".tabbed-block"); tab; tab = up(tab)) {
    const index = [...tab.parentElement.children].indexOf(tab);
    tab.closest(".tabbed-set").querySelectorAll(":scope > input")[index].click();
  }
}"""


def copied(page, block) -> str:
    block.evaluate(_REVEAL)
    # A real mouse click (Playwright moves the pointer onto the button, so it hovers
    # the block too); Material's button is there, hovered or not.
    block.locator("button[data-md-type=copy]").click()
    return page.evaluate("navigator.clipboard.readText()")


def _differs(what: str, expected: str, got: str) -> list[str]:
    diff = difflib.unified_diff(
        expected.splitlines(), got.splitlines(), "expected", "copied", lineterm="", n=1
    )
    return [f"{what} copies something else:", *(f"    {line}" for line in list(diff)[:20])]


def problems(page, examples: list[DocExample]) -> list[str]:
    """Click every copy button of the page `page` shows, whose examples are `examples`."""
    blocks = page.locator(_BLOCKS)
    programs, outputs = [], []
    for index, (title, is_output) in enumerate(blocks.evaluate_all(_TITLES)):
        title = _REQUIRES.sub("", title)
        if is_output:
            outputs.append(blocks.nth(index))
        elif title.endswith(".py"):
            programs.append((title, blocks.nth(index)))

    names = [example.program_name for example in examples]
    if [title for title, _ in programs] != names:
        return [f"the page's programs, in order, are {[t for t, _ in programs]}, not {names}"]
    found = []
    for example, (title, block) in zip(examples, programs, strict=True):
        on_disk = example.embedded.read_text(encoding="utf-8") if example.embedded else None
        clipboard = copied(page, block)
        # Material trims the file's final newline from what it copies; nothing else.
        expected = (on_disk or example.program()).removesuffix("\n")
        if clipboard != expected:
            found += _differs(title, expected, clipboard)
            continue
        try:
            compile(clipboard, title, "exec")  # what the reader pastes is a whole program
        except SyntaxError as error:
            found.append(f"{title}: what it copies does not compile: {error}")

    expected_outputs = [example.output.text for example in examples if example.output is not None]
    if len(outputs) != len(expected_outputs):
        found.append(
            f"{len(outputs)} output blocks, {len(expected_outputs)} examples with an output"
        )
        return found
    for number, (text, block) in enumerate(zip(expected_outputs, outputs, strict=True), 1):
        got = copied(page, block)
        if got.rstrip("\n") != text.rstrip("\n"):
            found += _differs(f"output block {number}", text.rstrip("\n"), got.rstrip("\n"))
    return found
