// The code editor's source: CodeMirror 6 set up for a Python program, bundled by esbuild
// (pinned in package-lock.json) into docs/assets/run/codemirror.mjs, one self-hosted ES
// module (src/checked_examples/runtime.py). docs/assets/run/editor.mjs imports the bundle
// on a reader's first use of an editor and falls back to the plain text box without it.
//
// Colours are the theme's own code colours (Material's --md-code-* custom properties,
// with accessibility.css's darker ones), so the editor reads as the page's code blocks do
// and passes the same contrast checks in both colour schemes.

import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, indentLess, indentMore } from "@codemirror/commands";
import { pythonLanguage } from "@codemirror/lang-python";
import { bracketMatching, HighlightStyle, indentOnInput, indentUnit, syntaxHighlighting } from "@codemirror/language";
import { EditorState, Prec } from "@codemirror/state";
import { drawSelection, EditorView, keymap, lineNumbers } from "@codemirror/view";
import { tags } from "@lezer/highlight";

const hl = (name) => `var(--md-code-hl-${name}-color)`;

const highlighting = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword, tags.operatorKeyword], color: hl("keyword") },
  { tag: [tags.string, tags.special(tags.string)], color: hl("string") },
  { tag: [tags.number, tags.bool, tags.null], color: hl("number") },
  { tag: tags.comment, color: hl("comment"), fontStyle: "italic" },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName), tags.definition(tags.function(tags.variableName))], color: hl("function") },
  { tag: [tags.className, tags.definition(tags.className)], color: hl("constant") },
  { tag: [tags.self, tags.special(tags.variableName)], color: hl("special") },
  { tag: [tags.operator, tags.punctuation, tags.bracket], color: hl("punctuation") },
  { tag: tags.invalid, color: hl("special"), textDecoration: "underline wavy" },
]);

const theme = EditorView.theme({
  "&": {
    color: "var(--md-code-fg-color)",
    backgroundColor: "var(--md-code-bg-color)",
    fontSize: "0.75rem",
    border: "1px solid var(--md-default-fg-color--light)",
    borderRadius: "0.1rem",
  },
  "&.cm-focused": { outline: "2px solid var(--md-accent-fg-color)", outlineOffset: "1px" },
  ".cm-scroller": { fontFamily: "var(--md-code-font-family, monospace)", lineHeight: "1.5", minHeight: "8em" },
  ".cm-content": { caretColor: "var(--md-code-fg-color)" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--md-code-fg-color)" },
  // The comment colour: accessibility.css made it readable on the code background. No
  // active line's background: the comments and line numbers on it fell short (dark).
  ".cm-gutters": { color: hl("comment"), backgroundColor: "var(--md-code-bg-color)", border: "none" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection": {
    backgroundColor: "var(--md-accent-fg-color--transparent)",
  },
  ".cm-matchingBracket": { outline: "1px solid var(--md-default-fg-color--light)", backgroundColor: "transparent" },
});

/** An editor in `parent` holding `doc`; `attributes` go on its text area (aria-*). */
export function createEditor({ parent, doc, attributes, selection }) {
  const state = EditorState.create({
    doc,
    selection,
    extensions: [
      lineNumbers(),
      history(),
      drawSelection(),
      indentOnInput(),
      bracketMatching(),
      closeBrackets(),
      // The language alone: python() adds completion sources, for a completion popup
      // this editor does not have.
      pythonLanguage,
      indentUnit.of("    "),
      EditorState.tabSize.of(4),
      syntaxHighlighting(highlighting),
      theme,
      EditorView.lineWrapping,
      EditorView.contentAttributes.of(attributes),
      // Ctrl+Enter runs (or checks) the program: the key goes on to the page's own
      // listener (run-button.mjs), and defaultKeymap's blank line is not inserted.
      Prec.highest(keymap.of([{ key: "Mod-Enter", run: () => true }])),
      keymap.of([
        ...closeBracketsKeymap,
        ...defaultKeymap,
        ...historyKeymap,
        // Tab indents, as in any code editor, once the reader edits (editor.mjs lets a
        // reader passing through by Tab move on). Escape then Tab leaves the editor
        // (CodeMirror's tab-focus mode), which the editor's hint says.
        { key: "Tab", run: indentMore, shift: indentLess },
      ]),
    ],
  });
  return new EditorView({ state, parent });
}

/** The program in `view`, as text. */
export const textOf = (view) => view.state.doc.toString();

/** Replace the whole program in `view`. */
export function setText(view, text) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}
