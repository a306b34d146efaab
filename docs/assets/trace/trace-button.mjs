// "Step through this run" under an example whose real run was recorded: shows the button
// the build rendered hidden (src/checked_examples/markdown/trace_html.py), and on its
// first click imports the view (trace-view.mjs) and its style, so a page carries only the
// button and the trace's JSON (its data-trace attribute) until a reader opens it. A page read without JavaScript has
// no button that does nothing.
//
// Like run-button.mjs, it relies on nothing of the theme: clicks are delegated to the
// document, and content a theme's instant navigation swaps in is found by a
// MutationObserver.

const VIEW_URL = new URL("./trace-view.mjs", import.meta.url);
const views = new WeakMap(); // the view's element -> its controller (trace-view.mjs)

function reveal(root) {
  // Not one a quiz keeps hidden until it is answered (quiz.mjs): it would tell the order.
  for (const box of root.querySelectorAll(".example-trace[hidden]:not([data-quiz-answer])")) box.hidden = false;
}

async function toggle(button) {
  const box = button.closest(".example-trace");
  const view = box.querySelector(".example-trace__view");
  const open = button.getAttribute("aria-expanded") !== "true";
  button.setAttribute("aria-expanded", String(open));
  view.hidden = !open;
  views.get(view)?.setActive(open); // the program's line is highlighted while it is open
  if (!open || view.dataset.drawn) return;
  view.dataset.drawn = "true";
  try {
    const { showTrace, programBlockBefore, ensureStyle } = await import(VIEW_URL.href);
    const trace = JSON.parse(box.dataset.trace);
    await ensureStyle();
    const shown = showTrace(view, trace, programBlockBefore(box));
    views.set(view, shown);
    shown.setActive(button.getAttribute("aria-expanded") === "true"); // closed while loading?
  } catch (error) {
    delete view.dataset.drawn; // the next click tries again
    view.textContent = `The run could not be shown: ${error.message}`;
  }
}

document.addEventListener("click", (event) => {
  const button = event.target.closest?.(".example-trace__open");
  if (button) toggle(button);
});

reveal(document);
new MutationObserver((changes) => {
  const added = (node) => node.nodeType === 1 && (node.matches(".example-trace") || node.querySelector(".example-trace"));
  if (changes.some((change) => [...change.addedNodes].some(added))) reveal(document);
}).observe(document.body, { childList: true, subtree: true });
