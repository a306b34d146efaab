// The code editor in place of a program's plain text box (an exercise's, a Run button's
// Edit, the playground's): CodeMirror 6, bundled into ./codemirror.mjs by the runtime step
// (src/checked_examples/editor/). run-button.mjs imports this module on a reader's first
// use of a text box (the click on Edit, the first focus of an exercise's box), so nothing
// of the editor is fetched before.
//
// The text box stays in the page, hidden, and keeps its part: its `value` and `focus()`
// are the editor's from then on, so the code that reads, resets and focuses the program
// (run-button.mjs, share.mjs) works the same with either. If the bundle cannot load,
// the text box stays as it is and says so.

const BUNDLE_URL = new URL("./codemirror.mjs", import.meta.url);
let loading = null;
const upgraded = new WeakSet();

function note(text, className, id, words) {
  const made = document.createElement("p");
  made.className = className;
  if (id) made.id = id;
  made.textContent = words;
  text.after(made);
  return made;
}

/** Put the code editor in place of `text` (a <textarea> with an id and a <label>). */
export async function upgrade(text) {
  if (upgraded.has(text)) return;
  upgraded.add(text);
  loading ??= import(BUNDLE_URL.href);
  let cm;
  try {
    cm = await loading;
  } catch (error) {
    note(text, "example-editor__note", "", "The code editor could not load here, so this is a plain text box " +
      "(Tab leaves it; indent with spaces).");
    console.warn("code editor:", error);
    return;
  }
  const label = document.querySelector(`label[for="${CSS.escape(text.id)}"]`);
  if (label && !label.id) label.id = `${text.id}-label`;
  const hint = note(text, "example-editor__hint", `${text.id}-hint`,
    "Reached by Tab, Tab moves on until you press another key. Then Tab indents, Shift+Tab " +
    "dedents, and to leave the editor with the keyboard you press Escape, then Tab.");
  const parent = document.createElement("div");
  parent.className = "example-editor";
  text.before(parent);
  const focused = document.activeElement === text;
  const start = text.selectionStart ?? 0;
  const attributes = {
    "aria-describedby": [text.getAttribute("aria-describedby"), hint.id].filter(Boolean).join(" "),
    "aria-keyshortcuts": text.getAttribute("aria-keyshortcuts") || "",
    spellcheck: "false",
    autocapitalize: "off",
    autocorrect: "off",
  };
  if (label) attributes["aria-labelledby"] = label.id;
  else attributes["aria-label"] = text.getAttribute("aria-label") || "Program";
  const doc = text.value;
  const view = cm.createEditor({ parent, doc, attributes, selection: { anchor: Math.min(start, doc.length) } });
  text.hidden = true;
  // The label names the editor now: clicking it goes there, not to the hidden box.
  label?.removeAttribute("for");
  label?.addEventListener("click", () => view.focus());
  Object.defineProperty(text, "value", {
    configurable: true,
    get: () => cm.textOf(view),
    set: (value) => cm.setText(view, value),
  });
  text.focus = () => view.focus();
  text.codeEditor = view;
  passThroughByKeyboard(view);
  if (focused) view.focus();
}

// Keys that leave the editor in "passing through" mode: Tab itself, modifiers, Escape.
const PASSING_KEYS = new Set(["Tab", "Shift", "Control", "Alt", "Meta", "Escape"]);

/** No keyboard trap: a reader who reaches the editor by the keyboard (or whose text box
 * it replaces while focused, the first use) moves on with Tab and Shift+Tab, as from any
 * other field, until they press another key; from then on Tab indents (CodeMirror's
 * tab-focus mode). A click means editing: Tab indents at once. */
function passThroughByKeyboard(view) {
  let clicked = false;
  view.dom.addEventListener("pointerdown", () => {
    clicked = true;
    view.setTabFocusMode(false);
  });
  view.contentDOM.addEventListener("focus", () => view.setTabFocusMode(!clicked));
  view.contentDOM.addEventListener("blur", () => { clicked = false; });
  view.contentDOM.addEventListener("keydown", (event) => {
    if (!PASSING_KEYS.has(event.key)) view.setTabFocusMode(false);
  }, true);
}
