"""Typing a program into the code editor (docs/assets/run/editor.mjs) as a reader does,
with the keyboard alone, and reading back what it holds.

The editor indents by itself (after a line ending in `:`, a new line is indented; a line
that starts `else` is dedented) and closes brackets and quotes (typing the closing one
steps over it). So each line is typed without its indentation, which Tab and Shift+Tab
then set to the program's, as a reader fixes the editor's guess.
"""

from __future__ import annotations

INDENT = 4  # the editor's indent unit, as the project's programs have it


def wait_for_editor(box):
    """The editor's text area in `box`, once the editor has taken the text box's place."""
    content = box.locator(".cm-content")
    content.wait_for()
    return content


def put_program(box, program: str) -> None:
    """Replace the program in `box` at once (pasted, not typed). The editor takes the text
    box's place on its first focus, asynchronously: a value set before that could be
    read, or overwritten, by the editor as it starts, so set it once the editor is there."""
    box.locator("textarea").focus()
    wait_for_editor(box)
    box.locator("textarea").evaluate("(text, program) => { text.value = program }", program)
    assert text_of(box) == program


def text_of(box) -> str:
    """What the program's box holds: the editor's text (the hidden text box's value
    is the editor's from then on), or the plain text box's."""
    return box.locator("textarea").evaluate("text => text.value")


def current_line(box) -> str:
    return box.locator("textarea").evaluate(
        """text => { const view = text.codeEditor, at = view.state.selection.main.head;
                     return view.state.doc.lineAt(at).text; }"""
    )


def type_program(page, box, program: str) -> None:
    """Replace the focused editor's program with `program`, typed line by line."""
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    lines = program.split("\n")
    for number, line in enumerate(lines):
        content = line.lstrip(" ")
        if content:
            page.keyboard.type(content)
        want = len(line) - len(content)
        typed = current_line(box)
        have = len(typed) - len(typed.lstrip(" "))
        while have < want:
            page.keyboard.press("Tab")
            have += INDENT
        while have > want:
            page.keyboard.press("Shift+Tab")
            have -= INDENT
        if number < len(lines) - 1:
            page.keyboard.press("Enter")
