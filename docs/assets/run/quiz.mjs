// Predict the output: an example whose fence says quiz="why" (src/checked_examples/
// markdown/quiz.py) asks the reader to put its output lines in order before the page
// shows them. The answer is the checked output block above the quiz, recorded by the
// suite; the build gives the shuffled order (never the answer's) and the sentence that
// says why. The output block, and its timeline, stay hidden until the reader checks their
// order or shows the answer.
//
// Every move works three ways: dragging a line (mouse, pen or touch: pointer events);
// the keyboard alone (Space or Enter picks a line up, the arrow keys move it, Space,
// Enter or Escape puts it down); and each line's Move up / Move down buttons. Each move
// is said in a live region.

const quizzes = new WeakSet();

function element(tag, attributes = {}, text = "") {
  const made = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) made.setAttribute(key, value);
  if (text) made.textContent = text;
  return made;
}

// The block the quiz asks about, and what comes with it (stderr, timeline): hidden.
function answerParts(box) {
  const parts = [];
  for (let node = box.previousElementSibling; node; node = node.previousElementSibling) {
    parts.unshift(node);
    if (node.classList.contains("example-output")) return parts;
  }
  return [];
}

let counter = 0;

function setUp(box) {
  if (quizzes.has(box)) return;
  quizzes.add(box);
  const parts = answerParts(box);
  const output = parts[0];
  if (!output) return;
  const answer = output.querySelector("pre code").textContent.replace(/\n$/, "").split("\n");
  const order = box.dataset.order.split(" ").map(Number);
  const name = box.dataset.name;
  const why = box.querySelector(".example-quiz__why");
  why.hidden = true;
  // Marked, so that no other script shows them (trace-button.mjs shows its hidden buttons).
  for (const part of parts) Object.assign(part, { hidden: true }).dataset.quizAnswer = "";
  const n = ++counter;

  const intro = element("p", { class: "example-quiz__intro", id: `example-quiz-intro-${n}` },
    `Predict the output: put the lines ${name} prints in the order they will appear, then check your order. ` +
    "Drag a line, or pick it up with Space, move it with the arrow keys and put it down with Space; " +
    "or use its Move up and Move down buttons.");
  const list = element("ol", { class: "example-quiz__lines", "aria-labelledby": `example-quiz-intro-${n}` });
  const items = order.map((index) => {
    const item = element("li", { class: "example-quiz__line" });
    item.dataset.text = answer[index];
    const pick = element("button", { type: "button", class: "example-quiz__pick", "aria-pressed": "false" });
    pick.append(element("span", { class: "example-quiz__grip", "aria-hidden": "true" }, "⠿"), element("code", {}, answer[index]));
    const up = element("button", { type: "button", class: "example-quiz__up md-button", "aria-label": `Move up: ${answer[index]}` }, "Move up");
    const down = element("button", { type: "button", class: "example-quiz__down md-button", "aria-label": `Move down: ${answer[index]}` }, "Move down");
    item.append(pick, up, down);
    return item;
  });
  list.append(...items);
  const bar = element("div", { class: "example-quiz__bar" });
  const check = element("button", { type: "button", class: "example-quiz__check md-button md-button--primary" }, "Check order");
  const giveUp = element("button", { type: "button", class: "example-quiz__give-up md-button" }, "Show the answer");
  bar.append(check, giveUp);
  const said = element("p", { class: "example-quiz__said", role: "status" });
  const verdict = element("p", { class: "example-quiz__verdict", "aria-live": "polite", tabindex: "-1" });
  box.prepend(intro, list, bar, said);
  why.before(verdict);
  box.hidden = false;

  const lines = () => [...list.children];
  const say = (text) => (said.textContent = text);
  const where = (item) => `position ${lines().indexOf(item) + 1} of ${lines().length}`;

  function move(item, by, focus) {
    const all = lines();
    const to = all.indexOf(item) + by;
    if (to < 0 || to >= all.length) {
      say(`“${item.dataset.text}” is already ${by < 0 ? "first" : "last"}.`);
      return;
    }
    if (by < 0) list.insertBefore(item, all[to]);
    else list.insertBefore(item, all[to].nextSibling);
    focus?.focus(); // moving an element in the page takes the focus off it
    say(`“${item.dataset.text}” moved to ${where(item)}.`);
  }

  function drop(item) {
    const pick = item.querySelector(".example-quiz__pick");
    pick.setAttribute("aria-pressed", "false");
    item.classList.remove("example-quiz__line--picked");
  }

  function done(right) {
    box.classList.add("example-quiz--answered");
    for (const button of box.querySelectorAll("button")) button.disabled = true;
    for (const item of lines()) drop(item);
    for (const part of parts) {
      part.hidden = false;
      delete part.dataset.quizAnswer;
    }
    verdict.className = `example-quiz__verdict example-quiz__verdict--${right ? "right" : "wrong"}`;
    verdict.textContent = right === null
      ? "The answer is the checked output above."
      : right
        ? "Right: that is the order the checked run printed (the output above)."
        : "Not this order: the checked run printed the output above.";
    why.hidden = false;
    say("");
    box.quizAnswer = { right, order: lines().map((item) => item.dataset.text) };
    verdict.focus(); // the buttons it was on are disabled now
  }

  list.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button || box.dragged) return;
    const item = button.closest("li");
    if (button.classList.contains("example-quiz__up")) move(item, -1, button);
    else if (button.classList.contains("example-quiz__down")) move(item, 1, button);
    else if (button.getAttribute("aria-pressed") === "true") {
      drop(item);
      say(`“${item.dataset.text}” put down at ${where(item)}.`);
    } else {
      for (const other of lines()) drop(other);
      button.setAttribute("aria-pressed", "true");
      item.classList.add("example-quiz__line--picked");
      say(`“${item.dataset.text}” picked up, at ${where(item)}. The up and down arrows move it; Space puts it down.`);
    }
  });

  list.addEventListener("keydown", (event) => {
    const pick = event.target.closest(".example-quiz__pick");
    if (!pick) return;
    const item = pick.closest("li");
    const picked = pick.getAttribute("aria-pressed") === "true";
    if (event.key === "ArrowUp" || event.key === "ArrowDown") {
      event.preventDefault();
      const by = event.key === "ArrowUp" ? -1 : 1;
      if (picked) move(item, by, pick);
      else lines()[lines().indexOf(item) + by]?.querySelector(".example-quiz__pick").focus();
    } else if (event.key === "Escape" && picked) {
      drop(item);
      say(`“${item.dataset.text}” put down at ${where(item)}.`);
    }
  });

  // Dragging: the line follows the pointer past its neighbours' middles.
  list.addEventListener("pointerdown", (event) => {
    const pick = event.target.closest(".example-quiz__pick");
    if (!pick || pick.disabled || event.button !== 0) return;
    const item = pick.closest("li");
    const startY = event.clientY;
    let dragging = false;
    // Listened to on the document: moving the line in the page ends a pointer capture.
    const moveTo = (moved) => {
      if (!dragging && Math.abs(moved.clientY - startY) < 5) return;
      dragging = true;
      item.classList.add("example-quiz__line--dragged");
      const others = lines().filter((other) => other !== item);
      const before = others.find((other) => {
        const box = other.getBoundingClientRect();
        return moved.clientY < box.top + box.height / 2;
      });
      if (before && before !== item.nextSibling) list.insertBefore(item, before);
      else if (!before && list.lastElementChild !== item) list.append(item);
    };
    const end = () => {
      document.removeEventListener("pointermove", moveTo);
      document.removeEventListener("pointerup", end);
      document.removeEventListener("pointercancel", end);
      item.classList.remove("example-quiz__line--dragged");
      if (!dragging) return;
      // The click that ends a drag is no pick-up.
      box.dragged = true;
      setTimeout(() => (box.dragged = false), 0);
      pick.focus();
      say(`“${item.dataset.text}” moved to ${where(item)}.`);
    };
    document.addEventListener("pointermove", moveTo);
    document.addEventListener("pointerup", end);
    document.addEventListener("pointercancel", end);
  });

  check.addEventListener("click", () => {
    const mine = lines().map((item) => item.dataset.text);
    done(mine.every((text, i) => text === answer[i]));
  });
  giveUp.addEventListener("click", () => done(null));
}

export function setUpQuizzes(root = document) {
  for (const box of root.querySelectorAll(".example-quiz[data-order]")) setUp(box);
}
