// A reader's progress through the exercises, kept in this browser only (localStorage: no
// account, nothing sent): which exercises Check has judged solved. run-button.mjs records
// a solved one and marks it on its page; the Exercises page (docs/exercises.md, whose list
// the Markdown extension generates from the site's exercises:
// src/checked_examples/markdown/exercise_list.py) shows each one's state and a Reset.

const SOLVED_KEY = "checked-examples:solved";

export function solvedOnes() {
  try {
    return new Set(JSON.parse(localStorage.getItem(SOLVED_KEY) || "[]"));
  } catch {
    return new Set(); // storage refused (private mode, a policy) or unreadable
  }
}

export function rememberSolved(id) {
  const solved = solvedOnes();
  solved.add(id);
  try {
    localStorage.setItem(SOLVED_KEY, JSON.stringify([...solved].sort()));
  } catch {
    // Storage refused: the page still says it is solved, until it is left.
  }
}

function forgetAll() {
  try {
    localStorage.removeItem(SOLVED_KEY);
  } catch {
    // Storage refused: there was nothing kept to clear.
  }
}

function element(tag, attributes = {}, text = "") {
  const made = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) made.setAttribute(key, value);
  if (text) made.textContent = text;
  return made;
}

// The Exercises page: each exercise's state, the count, and Reset (with a confirmation).
const lists = new WeakSet();

function showStates(list) {
  const solved = solvedOnes();
  const states = [...list.querySelectorAll(".exercise-list__state[data-exercise]")];
  for (const state of states) {
    const done = solved.has(state.dataset.exercise);
    state.closest("li").classList.toggle("exercise-list__item--solved", done);
    state.textContent = done ? "✓ Solved" : "Not solved yet";
  }
  const count = states.filter((state) => solved.has(state.dataset.exercise)).length;
  list.querySelector(".exercise-list__count").textContent =
    `You have solved ${count} of ${states.length} exercises in this browser.`;
}

export function setUpExerciseList(root = document) {
  for (const list of root.querySelectorAll(".exercise-list")) {
    if (lists.has(list)) continue;
    lists.add(list);
    const count = element("p", { class: "exercise-list__count" });
    const bar = element("div", { class: "exercise-list__bar" });
    const reset = element("button", { type: "button", class: "exercise-list__reset md-button" }, "Reset progress");
    const confirm = element("div", { class: "exercise-list__confirm", role: "group", "aria-label": "Confirm the reset", hidden: "" });
    const question = element("span", { id: "exercise-list-question" }, "Forget every exercise solved in this browser?");
    const yes = element("button", { type: "button", class: "exercise-list__yes md-button md-button--primary", "aria-describedby": "exercise-list-question" }, "Yes, forget them");
    const no = element("button", { type: "button", class: "exercise-list__no md-button" }, "Cancel");
    confirm.append(question, yes, no);
    const said = element("p", { class: "exercise-list__said", role: "status" });
    bar.append(reset, confirm);
    list.prepend(count);
    list.append(bar, said);
    for (const state of list.querySelectorAll(".exercise-list__state")) state.hidden = false;
    reset.addEventListener("click", () => {
      reset.hidden = true;
      confirm.hidden = false;
      said.textContent = "";
      no.focus();
    });
    no.addEventListener("click", () => {
      confirm.hidden = true;
      reset.hidden = false;
      reset.focus();
    });
    yes.addEventListener("click", () => {
      forgetAll();
      confirm.hidden = true;
      reset.hidden = false;
      showStates(list);
      said.textContent = "Progress reset: no exercise is marked solved in this browser.";
      reset.focus();
    });
    showStates(list);
  }
}

// Another tab may solve an exercise while this page is open.
window.addEventListener("storage", (event) => {
  if (event.key !== SOLVED_KEY && event.key !== null) return;
  for (const list of document.querySelectorAll(".exercise-list")) if (lists.has(list)) showStates(list);
});
