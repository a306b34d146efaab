"""The copy buttons give a reader exactly what the page promises.

A program's button copies the example file as it is on disk, so a paste runs; an
output block's button copies the program's output without the time gutter.
"""

from __future__ import annotations

import re

import pytest

from browser.pages import examples_by_page, page_id

_REQUIRES = re.compile(r" \(Python [\d.]+\+\)$")


EXAMPLES = examples_by_page()


# What a reader clicks first when a block is folded away: its <details> and its tab.
_REVEAL = """block => {
  for (let d = block.closest("details"); d; d = d.parentElement.closest("details")) d.open = true;
  const up = el => el.parentElement.closest(".tabbed-block");
  for (let tab = block.closest(".tabbed-block"); tab; tab = up(tab)) {
    const index = [...tab.parentElement.children].indexOf(tab);
    tab.closest(".tabbed-set").querySelectorAll(":scope > input")[index].click();
  }
}"""


def copied(page, block) -> str:
    page.evaluate("navigator.clipboard.writeText('')")
    block.evaluate(_REVEAL)
    block.hover()
    block.locator("button[data-md-type=copy]").click()
    return page.evaluate("navigator.clipboard.readText()")


@pytest.mark.parametrize("path", sorted(EXAMPLES), ids=page_id)
def test_copy_buttons_copy_the_program_and_its_output(page, watch, site_url, path) -> None:
    page.goto(site_url + path)
    blocks = page.locator("article div.highlight:has(> span.filename)")
    programs, outputs = [], []
    for index in range(blocks.count()):
        block = blocks.nth(index)
        title = _REQUIRES.sub("", block.locator("span.filename").inner_text())
        if "example-output" in (block.get_attribute("class") or ""):
            outputs.append(block)
        elif title.endswith(".py"):
            programs.append((title, block))

    examples = EXAMPLES[path]
    names = [example.program_name for example in examples]
    assert [title for title, _ in programs] == names, "the page's programs, in order"
    for example, (title, block) in zip(examples, programs, strict=True):
        on_disk = example.embedded.read_text(encoding="utf-8") if example.embedded else None
        clipboard = copied(page, block)
        # Material trims the file's final newline from what it copies; nothing else.
        assert clipboard == (on_disk or example.program()).removesuffix("\n"), f"copying {title}"
        compile(clipboard, title, "exec")  # what the reader pastes is a whole program

    expected = [example.output.text for example in examples if example.output is not None]
    assert len(outputs) == len(expected), "one output block per example with an output"
    for text, block in zip(expected, outputs, strict=True):
        got = copied(page, block)
        assert got.rstrip("\n") == text.rstrip("\n"), "an output block copies the output alone"
    assert watch.problems() == [], "\n".join(watch.problems())
