// The step-through of an example's real run: one lane per task, the slices when its code
// ran and, while it waited, what it waited on; a scrubber, Step and Back buttons and the
// arrow keys move through the loop's turns, and at each turn the view says which task
// runs, which are ready and which wait, and highlights the program's line where the
// running task resumed, in the example's own code block. A table gives every turn as
// text, and a polite live region says the turn reached.
//
// The trace's format is the recorder's (src/checked_examples/loop_trace.py, version 1).
// Imported only when a reader opens a recorded run (trace-button.mjs), and usable on any
// trace of that format, a reader's run in Pyodide included:
//
//   import { showTrace } from ".../assets/trace/trace-view.mjs";
//   const view = showTrace(container, trace, codeBlock);
//   view.update(longerTrace);   // the same run, further on: redraws, keeps the turn
//                               // (or follows the newest one if it was showing the last)
//   view.go(3);                 // show turn 3 (0-based); view.turn is the one shown
//   view.setActive(false);      // the view closed: takes its highlight off the program
//
// `container` is emptied and filled; `codeBlock` is the program's code block (an element
// holding Material's per-line spans, `<span id="__span-N-LINE">`, which pymdownx.highlight
// renders with `line_spans`), or null: the line is then only named, not highlighted (pass
// null when the reader ran an edited program: the page's lines are not its lines).
//
// For the Run button, one call puts a reader's run right after an element inside its
// controls (their live output, say; not after the controls' own <div>, whose next sibling
// run-button.mjs reads as the output block), and the next run's trace replaces it there:
//
//   const view = showRunTrace(afterElement, trace, codeBlock);  // a controller, as above

const STYLE_URL = new URL("./trace.css", import.meta.url);
const IDLE = 0.01; // seconds without a turn drawn as a column of their own ("+1.0 s")

let styleLoaded = null;

/** Adds the view's style sheet to the page once; resolves when it has loaded. */
export function ensureStyle() {
  if (styleLoaded) return styleLoaded;
  styleLoaded = new Promise((resolve) => {
    const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href: STYLE_URL.href });
    link.onload = link.onerror = () => resolve();
    document.head.append(link);
  });
  return styleLoaded;
}

/** The code block of the program an element under it belongs to: the nearest code block
 * before it among its siblings that is not an output block. */
export function programBlockBefore(element) {
  for (let at = element.previousElementSibling; at; at = at.previousElementSibling) {
    if (at.classList.contains("example-trace")) return null; // the example before
    if (at.matches(".highlight:not(.example-output)") && at.querySelector("pre code")) return at;
  }
  return null;
}

// --- What the trace says at each turn ----------------------------------------------

function seconds(value) {
  if (value === null || value === undefined) return "?";
  return `${value.toFixed(3)} s`;
}

function span(value) {
  if (value >= 0.1) return `${value.toFixed(value >= 10 ? 1 : 2)} s`;
  if (value >= 0.001) return `${(value * 1000).toFixed(1)} ms`;
  return `${Math.max(1, Math.round(value * 1e6))} µs`;
}

function model(trace) {
  const tasks = new Map(trace.tasks.map((task) => [task.id, task]));
  const turns = trace.turns;
  const steps = new Map(trace.tasks.map((task) => [task.id, []])); // task -> its turn indexes
  turns.forEach((turn, index) => {
    if (!steps.has(turn.task)) steps.set(turn.task, []);
    steps.get(turn.task).push(index);
  });
  const label = (id) => tasks.get(id)?.name ?? `task ${id}`;
  const coro = (id) => tasks.get(id)?.coro;
  return { trace, tasks, turns, steps, label, coro };
}

// Where each task stands when turn `index` begins.
function stateAt(m, index) {
  const turn = m.turns[index];
  const knowsReady = Array.isArray(turn.ready);
  const ready = new Set(turn.ready ?? []);
  const found = [];
  for (const task of m.trace.tasks) {
    const mine = m.steps.get(task.id) ?? [];
    const before = mine.filter((i) => i < index);
    const after = mine.find((i) => i > index);
    const last = before.length ? m.turns[before[before.length - 1]] : null;
    let state;
    if (turn.task === task.id) state = { kind: "running" };
    else if (last && last.suspended === null) state = { kind: "done", at: task.done ?? last.at + last.ran };
    else if (ready.has(task.id)) state = { kind: "ready" };
    else if (!last) {
      // Not run yet: made by a turn still to come, or queued where the loop does not say.
      const made = task.created !== null && task.created !== undefined && task.created <= turn.at;
      state = { kind: made && !knowsReady ? "unknown" : "new" };
    } else {
      const since = last.at + last.ran;
      const until = after === undefined ? null : m.turns[after].at;
      state = { kind: knowsReady ? "waiting" : "unknown", on: last.waits_on, line: last.suspended, since, until };
    }
    found.push({ task, ...state });
  }
  return found;
}

// --- Drawing -------------------------------------------------------------------------

function element(tag, attributes = {}, text = "") {
  const made = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) made.setAttribute(key, value);
  }
  if (text) made.textContent = text;
  return made;
}

function code(text) {
  return element("code", {}, text);
}

// The lanes' columns: one per turn, and one for each idle stretch between two turns.
function columns(m) {
  const cols = []; // {turn} or {idle: seconds}
  const column = []; // turn index -> grid column (the names are column 1)
  m.turns.forEach((turn, index) => {
    column[index] = cols.length + 2;
    cols.push({ turn: index });
    const next = m.turns[index + 1];
    if (next && next.at - (turn.at + turn.ran) >= IDLE) cols.push({ idle: next.at - (turn.at + turn.ran) });
  });
  return { cols, column };
}

function lanes(m, go) {
  const { cols, column } = columns(m);
  const grid = element("div", { class: "trace-lanes__grid", "aria-hidden": "true" });
  grid.style.gridTemplateColumns =
    "max-content " + cols.map((c) => (c.idle === undefined ? "2rem" : `${Math.min(12, Math.max(4, c.idle * 6)).toFixed(1)}rem`)).join(" ");
  const place = (node, row, from, to = from + 1) => {
    node.style.gridRow = String(row);
    node.style.gridColumn = `${from} / ${to}`;
    grid.append(node);
    return node;
  };
  place(element("span", { class: "trace-lanes__corner" }, "turn"), 1, 1);
  cols.forEach((c, n) => {
    const head = c.idle === undefined ? String(c.turn + 1) : `+${span(c.idle)}`;
    place(element("span", { class: c.idle === undefined ? "trace-lanes__head" : "trace-lanes__head trace-lanes__head--idle" }, head), 1, n + 2);
  });
  const now = place(element("span", { class: "trace-lanes__now" }), `1 / ${m.trace.tasks.length + 2}`, 2);
  m.trace.tasks.forEach((task, lane) => {
    const row = lane + 2;
    const name = place(element("span", { class: "trace-lanes__name" }), row, 1);
    name.append(element("span", { class: "trace-lanes__task" }, task.name));
    if (task.coro) name.append(element("span", { class: "trace-lanes__coro" }, `${task.coro}()`));
    const mine = m.steps.get(task.id) ?? [];
    // Queued before its first step: from the first turn that found it ready.
    const queued = m.turns.findIndex((turn, i) => i < mine[0] && (turn.ready ?? []).includes(task.id));
    if (queued >= 0) place(element("span", { class: "trace-lanes__ready" }, "ready"), row, column[queued], column[mine[0]]);
    mine.forEach((index, k) => {
      const turn = m.turns[index];
      const slice = place(element("span", { class: "trace-lanes__slice", "data-turn": String(index) }), row, column[index]);
      slice.addEventListener("click", () => go(index));
      const next = mine[k + 1];
      if (turn.suspended === null || next === undefined) {
        if (turn.suspended === null) {
          // How it ended, marked on its last slice: cancelled or raised.
          const mark = { cancelled: "✕", exception: "!" }[task.outcome];
          if (mark) slice.textContent = mark;
          slice.title = `${task.name} ends: ${task.outcome ?? "finished"}`;
        }
        return;
      }
      // Waiting from the column after this slice up to the next; ready from the first
      // turn that found it queued.
      let readyFrom = next;
      for (let i = index + 1; i < next; i++) {
        if ((m.turns[i].ready ?? []).includes(task.id)) {
          readyFrom = i;
          break;
        }
      }
      const waitEnd = readyFrom < next ? column[readyFrom] : column[next];
      if (waitEnd > column[index] + 1) {
        const wait = place(element("span", { class: "trace-lanes__wait" }), row, column[index] + 1, waitEnd);
        // The time first: a long await is cut short at its end (its whole text is in the table).
        const on = (turn.waits_on ?? "?").replace(/^await\s+/, "");
        wait.textContent = `${span(m.turns[next].at - (turn.at + turn.ran))} · ${on}`;
        wait.title = `waits ${wait.textContent}`;
      }
      if (readyFrom < next) place(element("span", { class: "trace-lanes__ready" }, "ready"), row, column[readyFrom], column[next]);
    });
  });
  return { grid, now, column };
}

function tableOf(m, go) {
  const table = element("table", { class: "trace-table" });
  table.append(element("caption", {}, "Every turn of the event loop in this run"));
  const head = element("tr");
  for (const title of ["Turn", "At", "Runs", "From line", "Then", "Ready"]) head.append(element("th", { scope: "col" }, title));
  table.appendChild(element("thead")).append(head);
  const body = table.appendChild(element("tbody"));
  const rows = m.turns.map((turn, index) => {
    const row = body.appendChild(element("tr"));
    row.append(element("th", { scope: "row" }, String(index + 1)));
    row.append(element("td", {}, seconds(turn.at)));
    const runs = row.appendChild(element("td", {}, m.label(turn.task)));
    if (turn.eager) runs.append(" (eagerly, inside its creator's turn)");
    row.append(element("td", {}, turn.resumed === null || turn.resumed === undefined ? "outside the program" : String(turn.resumed)));
    const then = row.appendChild(element("td", { class: "trace-table__then" }));
    if (turn.suspended === null) then.append(finished(m, turn.task));
    else then.append(`line ${turn.suspended}: waits on `, code(turn.waits_on ?? "?"));
    row.append(element("td", {}, turn.ready === null ? "not known" : turn.ready.map(m.label).join(", ") || "none"));
    row.addEventListener("click", () => go(index));
    return row;
  });
  return { table, rows };
}

function finished(m, id) {
  const outcome = m.tasks.get(id)?.outcome;
  if (outcome === "exception") return "finishes with an exception";
  if (outcome === "cancelled") return "finishes, cancelled";
  return "finishes";
}

function lineText(codeBlock, line) {
  const spanOf = lineSpan(codeBlock, line);
  return spanOf ? spanOf.textContent.trim() : null;
}

function lineSpan(codeBlock, line) {
  if (!codeBlock || !line) return null;
  return codeBlock.querySelector(`pre code > span[id^="__span-"][id$="-${line}"]`);
}

// --- The view ------------------------------------------------------------------------

let views = 0;

/** Draws `trace` in `container` and returns its controller (see the top of this file). */
export function showTrace(container, trace, codeBlock = null) {
  ensureStyle();
  const number = ++views;
  let m = model(trace);
  let turn = 0;
  let active = true;
  let highlighted = null;
  let lanesPart, tablePart;

  container.replaceChildren();
  container.classList.add("trace-view");
  if (trace.version !== 1) {
    container.append(element("p", {}, `This run was recorded in trace format ${trace.version}; this page reads format 1.`));
    return { update() {}, go() {}, setActive() {}, get turn() { return 0; } };
  }
  const summary = container.appendChild(element("p", { class: "trace-view__summary" }));
  const controls = container.appendChild(element("div", { class: "trace-view__controls" }));
  const back = controls.appendChild(element("button", { type: "button", class: "md-button trace-view__back" }, "Back"));
  const step = controls.appendChild(element("button", { type: "button", class: "md-button trace-view__step" }, "Step"));
  const sliderId = `trace-view-${number}-turn`;
  controls.append(element("label", { for: sliderId, class: "trace-view__label" }, "Turn"));
  const slider = controls.appendChild(element("input", { type: "range", id: sliderId, min: "0", step: "1", class: "trace-view__slider" }));
  const where = controls.appendChild(element("output", { for: sliderId, class: "trace-view__where" }));
  const status = container.appendChild(element("div", { class: "trace-view__status" }));
  const legend = container.appendChild(element("p", { class: "trace-view__legend" }));
  legend.append(
    element("span", { class: "trace-lanes__slice trace-view__key", "aria-hidden": "true" }),
    " its code runs (✕ cancelled, ! raised) ",
    element("span", { class: "trace-lanes__ready trace-view__key", "aria-hidden": "true" }),
    " ready ",
    element("span", { class: "trace-lanes__wait trace-view__key", "aria-hidden": "true" }),
    " waits (how long · on what); one column per turn, and one for each time the loop idles",
  );
  const lanesBox = container.appendChild(
    element("div", { class: "trace-lanes", role: "region", tabindex: "0", "aria-label": "Lanes: one per task (the table below says the same)" }),
  );
  const tableBox = container.appendChild(element("div", { class: "trace-view__table", role: "region", tabindex: "0", "aria-label": "Every turn, as a table" }));
  const live = container.appendChild(element("p", { class: "trace-view__live", role: "status", "aria-live": "polite" }));

  function draw() {
    const tasks = m.trace.tasks.length;
    const last = m.turns.at(-1);
    const end = last ? last.at + last.ran : 0;
    summary.textContent =
      `The run recorded on Python ${m.trace.python}: ${tasks} task${tasks === 1 ? "" : "s"}, ` +
      `${m.turns.length} turn${m.turns.length === 1 ? "" : "s"} of the event loop, ${seconds(end)}. ` +
      "Step through it with the buttons, the slider or the arrow keys (Home and End for the first and last turn).";
    slider.max = String(Math.max(0, m.turns.length - 1));
    lanesPart = lanes(m, go);
    lanesBox.replaceChildren(lanesPart.grid);
    tablePart = tableOf(m, go);
    tableBox.replaceChildren(tablePart.table);
  }

  function highlight(line) {
    highlighted?.classList.remove("trace-line--resumed");
    highlighted = active ? lineSpan(codeBlock, line) : null;
    highlighted?.classList.add("trace-line--resumed");
  }

  function show(announce = true) {
    const count = m.turns.length;
    if (!count) {
      where.textContent = "no turns yet";
      status.replaceChildren(element("p", {}, "Nothing has run yet."));
      return;
    }
    const now = m.turns[turn];
    slider.value = String(turn);
    slider.setAttribute("aria-valuetext", `Turn ${turn + 1} of ${count}, at ${seconds(now.at)}`);
    where.textContent = `${turn + 1} of ${count} · ${seconds(now.at)}`;
    back.setAttribute("aria-disabled", String(turn === 0));
    step.setAttribute("aria-disabled", String(turn === count - 1));

    const states = stateAt(m, turn);
    const running = m.label(now.task);
    const fromLine = now.resumed ?? null;
    const text = lineText(codeBlock, fromLine);
    const first = (m.steps.get(now.task) ?? [])[0] === turn;

    const runs = element("p", { class: "trace-view__runs" });
    runs.append(element("strong", {}, "Runs: "), `${running}${m.coro(now.task) ? ` (${m.coro(now.task)})` : ""}, `);
    if (fromLine === null) runs.append("in code outside the program");
    else {
      runs.append(first ? `starts at line ${fromLine}` : `resumes at line ${fromLine}`);
      if (text) runs.append(" ", code(text));
    }
    if (now.eager) runs.append(", eagerly, inside its creator's turn");
    runs.append(`; runs ${span(now.ran)}, then `);
    if (now.suspended === null) runs.append(finished(m, now.task));
    else runs.append(`waits at line ${now.suspended} on `, code(now.waits_on ?? "?"));
    runs.append(".");

    const groups = { ready: [], waiting: [], unknown: [], done: [], new: [] };
    for (const state of states) if (state.kind !== "running") groups[state.kind].push(state);
    const list = element("ul", { class: "trace-view__states" });
    const item = (title, entries, describe) => {
      if (!entries.length && title !== "Ready") return;
      const li = list.appendChild(element("li"));
      li.append(element("strong", {}, `${title}: `));
      if (!entries.length) li.append("none");
      entries.forEach((state, n) => {
        if (n) li.append("; ");
        describe(li, state);
      });
    };
    item("Ready", groups.ready, (li, s) => li.append(s.task.name));
    const waitingText = (li, s) => {
      li.append(`${s.task.name} on `, code(s.on ?? "?"));
      li.append(s.until === null ? `, since ${seconds(s.since)}, never resumed` : `, ${span(s.until - s.since)} in all (${seconds(s.since)} to ${seconds(s.until)})`);
    };
    item("Waiting", groups.waiting, waitingText);
    item("Waiting or ready (this loop does not say which)", groups.unknown, (li, s) => (s.on ? waitingText(li, s) : li.append(s.task.name)));
    item("Done", groups.done, (li, s) => li.append(`${s.task.name} (at ${seconds(s.at)})`));
    item("Not started yet", groups.new, (li, s) => li.append(s.task.name));
    status.replaceChildren(runs, list);

    highlight(fromLine);
    lanesPart.now.style.gridColumn = `${lanesPart.column[turn]} / ${lanesPart.column[turn] + 1}`;
    for (const slice of lanesPart.grid.querySelectorAll(".trace-lanes__slice--current")) slice.classList.remove("trace-lanes__slice--current");
    lanesPart.grid.querySelector(`.trace-lanes__slice[data-turn="${turn}"]`)?.classList.add("trace-lanes__slice--current");
    scrollInto(lanesBox, lanesPart.now, "x");
    tablePart.rows.forEach((row, index) => {
      if (index === turn) row.setAttribute("aria-current", "step");
      else row.removeAttribute("aria-current");
    });
    scrollInto(tableBox, tablePart.rows[turn], "y");
    if (announce) {
      const waiting = groups.waiting.map((s) => s.task.name);
      const ready = groups.ready.map((s) => s.task.name);
      live.textContent =
        `Turn ${turn + 1} of ${count}, at ${seconds(now.at)}: ${running} ${first ? "starts" : "resumes"}` +
        (fromLine === null ? "" : ` at line ${fromLine}`) +
        `. Ready: ${ready.join(", ") || "none"}. Waiting: ${waiting.join(", ") || "none"}.`;
    }
  }

  function go(index, announce = true) {
    const count = m.turns.length;
    turn = Math.min(Math.max(0, index), Math.max(0, count - 1));
    show(announce);
  }

  back.addEventListener("click", () => go(turn - 1));
  step.addEventListener("click", () => go(turn + 1));
  slider.addEventListener("input", () => go(Number(slider.value)));
  container.addEventListener("keydown", (event) => {
    // The slider moves itself by these keys; the table's and lanes' boxes scroll by them.
    if (event.target === slider || event.target === tableBox || event.target === lanesBox) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const moves = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    if (event.key in moves) go(turn + moves[event.key]);
    else if (event.key === "Home") go(0);
    else if (event.key === "End") go(m.turns.length - 1);
    else return;
    event.preventDefault();
  });

  draw();
  go(0, false);

  return {
    get turn() {
      return turn;
    },
    go,
    update(next) {
      const following = turn >= m.turns.length - 1;
      m = model(next);
      draw();
      go(following ? m.turns.length - 1 : turn, following);
    },
    setActive(on) {
      active = on;
      if (m.turns.length) highlight(m.turns[turn].resumed);
    },
  };
}

// Scrolls `box` (not the page) so that `target` is inside it.
function scrollInto(box, target, axis) {
  if (!target) return;
  const outer = box.getBoundingClientRect();
  const inner = target.getBoundingClientRect();
  if (axis === "x") {
    if (inner.left < outer.left + 100) box.scrollLeft -= outer.left + 100 - inner.left;
    else if (inner.right > outer.right) box.scrollLeft += inner.right - outer.right;
  } else if (inner.top < outer.top) box.scrollTop -= outer.top - inner.top;
  else if (inner.bottom > outer.bottom) box.scrollTop += inner.bottom - outer.bottom;
}

const runViews = new WeakMap(); // the element a reader's run is shown after -> its view

/** A reader's run (a trace made in Pyodide, same format) shown right after `after`, under
 * a title of its own, in place of the run shown there before. To follow one run as it
 * grows, call `update` on the controller it returns. */
export function showRunTrace(after, trace, codeBlock = null) {
  const before = runViews.get(after);
  before?.view.setActive(false);
  before?.box.remove();
  const box = element("div", { class: "example-trace example-trace--run" });
  box.append(element("p", { class: "example-trace__title" }, "Your run, turn by turn"));
  const view = showTrace(box.appendChild(element("div", { class: "example-trace__view" })), trace, codeBlock);
  after.after(box);
  runViews.set(after, { box, view });
  return view;
}
