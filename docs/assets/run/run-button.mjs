// The Run button under each example: runs the program in the reader's browser (CPython
// compiled to WebAssembly, Pyodide, in a Web Worker) and holds its live run to the
// checked output block under it, with the example suite's own judge, in Python
// (src/checked_examples/judge.py): this module only words the judge's findings.
//
// Engine-independent on purpose: the site loads it as any other script (mkdocs.yml's
// extra_javascript, which MkDocs and Zensical both honour); the example format's Markdown
// extension renders an empty, hidden <div class="example-run" data-...> under each
// runnable program (src/checked_examples/markdown/run_html.py); this module fills and
// shows it. It relies
// on nothing of the theme: clicks are delegated to the document and new pages (a
// theme's instant navigation swaps the page's content without a reload) are found by a
// MutationObserver. Nothing of the Python runtime is requested before the first click.

// Loaded by the pages that use them, or on a click: every page loads this module.
const progressModule = () => import("./progress.mjs");
const quizzes = () => import("./quiz.mjs");
const timelines = () => import("./live-timeline.mjs");
const traceViews = () => import("../trace/trace-view.mjs");

const WORKER_URL = new URL("./run-worker.mjs", import.meta.url);
const STYLE_URL = new URL("./run.css", import.meta.url);
// The code editor (editor.mjs) takes a text box's place on its first use: nothing of it
// is fetched before.
const useEditor = (text) => import("./editor.mjs").then((editor) => editor.upgrade(text), (error) => console.warn(error));

// What this browser lacks to run Python here, or null. JSPI (WebAssembly stack
// switching) lets asyncio.run() wait for the browser's timers as CPython waits.
function missingFeature() {
  if (typeof WebAssembly !== "object") return "WebAssembly";
  if (typeof Worker !== "function") return "Web Workers";
  if (typeof WebAssembly.Suspending !== "function")
    return (
      "WebAssembly stack switching (JSPI), which Chrome, Edge and other Chromium-based " +
      "browsers have since version 137, Firefox since 153 and Safari since 27"
    );
  return null;
}

// --- The one worker of the page (kept across instant navigations) ----------------

let worker = null;
let version = null; // the worker's Python version, once it has loaded
let current = null; // the run the worker is busy with: {id, onMessage}
let queue = Promise.resolve();
let nextId = 1;

function ensureWorker() {
  if (worker) return worker;
  worker = new Worker(WORKER_URL, { type: "module" });
  worker.onmessage = ({ data }) => {
    if (data.type === "ready") {
      version = data.version;
      // Whether Python started from the memory an earlier page kept (run-worker.mjs).
      document.documentElement.dataset.pythonStart = data.restored ? "saved" : "fresh";
    }
    if (current && (data.id === undefined || data.id === current.id)) current.onMessage(data);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    current?.onMessage({ type: "failed", message: event.message || "the worker failed to start" });
  };
  return worker;
}

// Loads Python without running anything; resolves to its version. Not wired to any
// control (nothing of the runtime is fetched before a reader's click): the browser suite
// calls it so that every page has finished loading, which keeps a core busy for
// seconds, before the timed runs start. Pages that load while others run make their
// printed lines late.
export function preload() {
  if (version) return Promise.resolve(version);
  return new Promise((resolve, reject) => {
    const listening = ensureWorker();
    const done = () => {
      listening.removeEventListener("message", listen);
      listening.removeEventListener("error", failed);
    };
    const listen = ({ data }) => {
      if (data.type !== "ready" && data.type !== "failed") return;
      done();
      if (data.type === "ready") resolve(data.version);
      else reject(new Error(data.message));
    };
    const failed = (event) => {
      done();
      reject(new Error(event.message || "the worker failed to start"));
    };
    listening.addEventListener("message", listen);
    listening.addEventListener("error", failed);
    listening.postMessage({ type: "load" });
  });
}

function stopWorker() {
  worker?.terminate();
  worker = null; // the next run starts a fresh Python
  version = null;
}

// Runs one program; `onMessage` gets the worker's messages for it. Resolves when done.
function runInWorker(source, name, promise, onMessage) {
  const id = nextId++;
  const run = new Promise((resolve) => {
    current = {
      id,
      onMessage: (data) => {
        onMessage(data);
        if (["done", "failed", "stopped", "hang"].includes(data.type)) {
          current = null;
          resolve();
        }
      },
    };
    ensureWorker().postMessage({ id, source, name, promise });
  });
  return run;
}

// --- One example's controls ----------------------------------------------------------

const examples = new WeakMap(); // the run <div> -> its state

function element(tag, attributes = {}, text = "") {
  const made = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) made.setAttribute(key, value);
  if (text) made.textContent = text;
  return made;
}

function loadStyle() {
  if (document.querySelector(`link[href="${STYLE_URL.href}"]`)) return;
  document.head.append(element("link", { rel: "stylesheet", href: STYLE_URL.href }));
}

// The program: the code block above (what the copy button copies).
function pageProgram(box) {
  const code = programBlock(box)?.querySelector("pre code");
  return code ? code.textContent.replace(/\n$/, "") + "\n" : "";
}

function programBlock(box) {
  return box.previousElementSibling;
}

// What the page declares, as the judge takes it (judge.py's Promise): the ```output block
// right under the controls, if there is one (its lines, and its times= as recorded), and
// the fence's settings the build put on the controls.
function pagePromise(box) {
  const block = box.nextElementSibling;
  const output = block?.classList.contains("example-output") ? block : null;
  return {
    lines: output ? output.querySelector("pre code").textContent.replace(/\n$/, "").split("\n") : null,
    times: output?.dataset.times ?? null,
    duration: parseFloat(box.dataset.duration),
    tolerance: parseFloat(box.dataset.tolerance),
    raises: box.dataset.raises || null,
    warns: box.dataset.warns ? box.dataset.warns.split("|") : [],
  };
}

let counter = 0;

function setUp(box) {
  if (examples.has(box)) return;
  if (box.dataset.playground !== undefined) box.classList.add("example-run"); // its parts are a Run box's
  const name = box.dataset.name;
  const missing = missingFeature();
  box.hidden = false;
  loadStyle();
  if (missing) {
    box.classList.add("example-run--no");
    box.textContent =
      `Your browser cannot run this program here: it lacks ${missing}. ` +
      "Copy the program (the button at its top right) and run it with Python.";
    examples.set(box, null);
    return;
  }
  const n = ++counter;
  const bar = element("div", { class: "example-run__bar" });
  const run = element("button", { type: "button", class: "example-run__run md-button md-button--primary", "aria-label": `Run ${name} in your browser` }, "Run");
  const stop = element("button", { type: "button", class: "example-run__stop md-button", hidden: "" }, "Stop");
  const edit = element("button", { type: "button", class: "example-run__edit md-button", "aria-expanded": "false", "aria-controls": `example-run-editor-${n}`, "aria-label": `Edit ${name}` }, "Edit");
  const reset = element("button", { type: "button", class: "example-run__reset md-button", hidden: "", "aria-label": `Reset ${name} to the page's program` }, "Reset");
  const status = element("span", { class: "example-run__status", role: "status" });
  bar.append(run, stop, edit, reset, status);
  reset.after(element("button", { type: "button", class: "example-run__share md-button", hidden: "", "aria-label": `Share your version of ${name} as a link` }, "Share"));

  const editor = element("div", { class: "example-run__editor", id: `example-run-editor-${n}`, hidden: "" });
  const label = element("label", { for: `example-run-text-${n}` },
    `Your version of ${name} (Ctrl+Enter runs it; the copy button still copies the page's program)`);
  const text = element("textarea", { id: `example-run-text-${n}`, spellcheck: "false", autocapitalize: "off", autocomplete: "off", "aria-keyshortcuts": "Control+Enter", rows: "12" });
  editor.append(label, text);

  const result = element("div", { class: "example-run__result", hidden: "" });
  const live = element("div", { class: "example-run__live" });
  const title = element("span", { class: "example-run__title" });
  // A <pre> without <code>: a theme's code-block scripts (copy buttons, focus handling)
  // leave it alone. It scrolls sideways, so it is focusable, for the keys that scroll.
  const code = element("pre", { tabindex: "0", role: "region", "aria-label": `Output of ${name} in your browser` });
  live.append(title, code);
  const verdict = element("p", { class: "example-run__verdict" });
  const diff = element("pre", { class: "example-run__diff", hidden: "", tabindex: "0", "aria-label": "How your run differs" });
  result.append(live, verdict, diff);
  box.append(bar, editor, result);
  examples.set(box, { name, run, stop, edit, reset, status, editor, text, result, title, code, verdict, diff, edited: false });
  if (box.dataset.playground !== undefined) openPlayground(box);
}

// The playground (docs/playground.md): its editor is open from the start, holding the
// starter above it; the code editor itself comes on the text box's first focus.
function openPlayground(box) {
  const state = examples.get(box);
  state.text.value = pageProgram(box);
  state.editor.hidden = state.reset.hidden = box.querySelector(".example-run__share").hidden = false;
  state.edit.hidden = true;
  state.reset.setAttribute("aria-label", "Reset to the starter program");
  state.editor.querySelector("label").textContent = "Your program (Ctrl+Enter runs it)";
  state.text.addEventListener("focus", () => useEditor(state.text), { once: true });
}

function setUpAll(root = document) {
  for (const box of root.querySelectorAll(".example-run[data-name]")) setUp(box);
  for (const box of root.querySelectorAll(".example-playground[data-name]")) setUp(box);
  for (const box of root.querySelectorAll(".example-exercise[data-name]")) setUpExercise(box);
  if (root.querySelector(".exercise-list")) progressModule().then((m) => m.setUpExerciseList(root));
  if (root.querySelector(".example-quiz[data-order]")) quizzes().then((m) => m.setUpQuizzes(root));
  // "Step through this run" under a recorded run: its button's script, which from then on
  // follows the pages instant navigation brings (docs/assets/trace/trace-button.mjs).
  if (root.querySelector(".example-trace")) import("../trace/trace-button.mjs");
}

// "Step through your run": the event loop's story of the reader's own run, recorded in
// the worker (loop_trace.py), shown by the view the recorded runs use (trace-view.mjs),
// which is imported on this button's first click. `codeBlock`: the page's program, whose
// lines the view highlights, or null when the run was of another program.
function offerTrace(state, trace, codeBlock) {
  state.result.querySelector(".example-run__trace")?.remove();
  if (!trace) return;
  const offer = element("div", { class: "example-run__trace" });
  const button = element("button", { type: "button", class: "example-run__trace-open md-button", "aria-expanded": "false" }, "Step through your run");
  offer.append(button);
  state.result.append(offer);
  let shown = null;
  button.addEventListener("click", async () => {
    const open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    if (shown) {
      shown.box.hidden = !open;
      shown.view.setActive(open);
      return;
    }
    const { ensureStyle, showRunTrace } = await traceViews();
    await ensureStyle();
    const view = showRunTrace(button, JSON.parse(trace), codeBlock);
    shown = { view, box: button.nextElementSibling };
    shown.box.hidden = button.getAttribute("aria-expanded") !== "true"; // closed meanwhile?
    view.setActive(!shown.box.hidden);
  });
}

// The run's live timeline (live-timeline.mjs), drawn once its module has loaded: the
// marks and the end that come before are replayed then.
function startTimeline(state, promise) {
  const marks = [];
  let drawn = null;
  let ended = null;
  state.timeline = {
    mark: (t) => (drawn ? drawn.mark(t) : marks.push(t)),
    end: (seconds) => (drawn ? drawn.end(seconds) : (ended = [seconds])),
  };
  timelines().then(({ liveTimeline }) => {
    drawn = liveTimeline(state.result, promise);
    for (const t of marks) drawn.mark(t);
    if (ended) drawn.end(...ended);
  });
}

function addLine(state, { stream, text, t }) {
  const line = element("span", { class: `example-line${stream === "stderr" ? " example-run__stderr" : ""}`, "data-t": `${t.toFixed(1)}s`, "data-seconds": t.toFixed(3) }, text);
  if (state.code.childNodes.length) state.code.append("\n");
  state.code.append(line);
  state.timeline?.mark(t);
}

// The judge's findings (judge.py), in a reader's words. Each kind is one the judge can
// return; a test checks that every kind in judge.KINDS has words here.
const seconds = (value) => `${value.toFixed(2)} s`;
const WORDS = {
  "hang": () => "it was still running when it was stopped",
  "exit": (f) => `it ended with an error (exit status ${f.measured})`,
  "ended-normally": (f) => `it should end with ${f.expected} but ended normally`,
  "other-exception": (f) => `it should end with ${f.expected}, but ended with another error`,
  "stderr": () => "it wrote to stderr (shown in red above), which the checked run did not",
  "warning-missing": (f) => `stderr lacks what the page says it prints: ${f.expected.join(", ")}`,
  "no-output-block": () => "it printed output, and the page has none to compare with",
  "output": () => "the output differs from the checked one (- the page, + your run)",
  "times-unreadable": (f) => `the page's times cannot be read (${f.expected})`,
  "times-missing": () => "the page records no times to compare with",
  "times-count": (f) => `the page records ${f.expected} times for ${f.measured} lines`,
  "line-late": (f) => `line ${f.line} came at ${seconds(f.measured)}, the page says ${f.expected} s`,
  "line-early": (f) => `line ${f.line} came at ${seconds(f.measured)}, the page says ${f.expected} s`,
  "too-long": (f) => `it took ${seconds(f.measured)}, longer than the ${seconds(f.expected[1])} the page allows`,
  "too-short": (f) => `it took ${seconds(f.measured)}, shorter than the ${seconds(f.expected[0])} the page allows`,
};

function showVerdict(state, promise, findings, edited) {
  const who = edited ? "Your edited program" : "The program";
  if (state.editor.closest("[data-playground]")) return showEnding(state, findings);
  if (promise.lines === null) findings = findings.filter((f) => f.kind !== "no-output-block");
  const matched = findings.length === 0;
  state.verdict.className = `example-run__verdict example-run__verdict--${matched ? "same" : "differs"}`;
  state.diff.hidden = true;
  if (promise.lines === null && matched) {
    state.verdict.textContent = `${who} ended; the page has no checked output to compare with.`;
    return;
  }
  const lines = findings.filter((f) => f.kind === "line-late" || f.kind === "line-early");
  const others = findings.filter((f) => !lines.includes(f));
  const said = others.map((f) => WORDS[f.kind](f));
  if (lines.length)
    said.push(`${lines.length} line(s) came outside ±${promise.tolerance} s of their time`);
  state.verdict.textContent = matched
    ? `Same as the checked output: every line, each within ±${promise.tolerance} s of its time.`
    : `${who} differs from the checked output: ${said.join("; ")}.`;
  const rows = [];
  for (const finding of findings) {
    if (finding.kind === "output") for (const [op, text] of finding.diff) rows.push(`${op} ${text}`);
  }
  rows.push(...lines.map((f) => WORDS[f.kind](f)));
  state.diff.textContent = rows.join("\n");
  state.diff.hidden = rows.length === 0;
}

async function start(box) {
  const state = examples.get(box);
  if (!state || state.running) return;
  const edited = !state.editor.hidden && state.text.value !== pageProgram(box);
  const source = edited ? state.text.value : pageProgram(box);
  const promise = pagePromise(box);
  state.running = true;
  state.run.disabled = true;
  state.stop.hidden = false;
  state.result.hidden = false;
  state.code.textContent = "";
  offerTrace(state, null);
  startTimeline(state, promise);
  state.diff.hidden = true;
  state.verdict.textContent = "";
  state.verdict.className = "example-run__verdict";
  state.title.textContent = edited ? "Your edited program's run" : "Your run";
  state.status.textContent = current ? "Waiting for the other run to end…" : "";
  const finished = (queue = queue.then(() => {
    if (state.stopped) return null;
    if (!version) state.status.textContent = "Loading Python in your browser (about 13 MB, once)…";
    else state.status.textContent = "Running…";
    return runInWorker(source, state.name, promise, (data) => {
      if (data.type === "ready") state.status.textContent = "Running…";
      if (data.type === "line") addLine(state, data);
      if (data.type === "done") {
        const { observed, findings } = data;
        state.timeline.end(observed.seconds);
        state.status.textContent = `Ended after ${observed.seconds.toFixed(2)} s` + (box.dataset.playground !== undefined ? "." : ` (the page: ~${promise.duration} s).`);
        // For the browser suite, which judges the same run with the Python judge itself.
        box.exampleRun = { promise, observed, findings };
        showVerdict(state, promise, findings, edited);
        offerTrace(state, data.trace, edited ? null : programBlock(box));
      }
      if (data.type === "failed") state.status.textContent = `Python could not run it here: ${data.message}`;
      if (data.type === "stopped") state.status.textContent = "Stopped.";
    });
  }));
  state.stopRun = () => {
    state.stopped = true;
    if (current) {
      const stopping = current;
      stopWorker();
      stopping.onMessage({ type: "stopped" });
    }
    state.status.textContent = "Stopped.";
  };
  await finished;
  state.title.textContent += version ? ` · Python ${version} in your browser` : "";
  state.running = false;
  state.stopped = false;
  state.run.disabled = false;
  state.stop.hidden = true;
}

// How a program with nothing to compare with (the playground's) ended.
function showEnding(state, findings) {
  const exit = findings.find((f) => f.kind === "exit");
  state.verdict.className = "example-run__verdict";
  state.verdict.textContent = exit
    ? `It ended with an error (exit status ${exit.measured}): its traceback is above, in italics.`
    : findings.some((f) => f.kind === "stderr")
      ? "It ended, and wrote to stderr (in italics above)."
      : "It ended normally.";
  state.diff.hidden = true;
}

function toggleEditor(box) {
  const state = examples.get(box);
  const opening = state.editor.hidden;
  if (opening && !state.text.value) state.text.value = pageProgram(box);
  state.editor.hidden = !opening;
  state.reset.hidden = !opening;
  box.querySelector(".example-run__share").hidden = !opening;
  state.edit.setAttribute("aria-expanded", String(opening));
  if (opening) useEditor(state.text);
  if (opening) state.text.focus();
}

function resetEditor(box) {
  const state = examples.get(box);
  state.editor.querySelector(".example-run__from-link")?.remove();
  if (box.dataset.playground !== undefined) {
    state.text.value = pageProgram(box);
    state.result.hidden = true;
    state.text.focus();
    return;
  }
  state.text.value = pageProgram(box);
  state.editor.hidden = true;
  state.reset.hidden = true;
  box.querySelector(".example-run__share").hidden = true;
  state.edit.setAttribute("aria-expanded", "false");
  state.result.hidden = true;
  state.edit.focus();
}

// --- An exercise's controls (src/checked_examples/exercise.py) ------------------------
// The reader's program, in an editor holding the starter, run by the same worker and
// queue as the Run buttons and judged by the same judge against the goal: the ```output
// block under the controls, recorded from the exercise's solution.

const exercises = new WeakMap(); // the exercise <div> -> its state

// The judge's findings in the words of someone solving the exercise: the goal is what
// they aim at, and a finding about time asks what usually causes it. Each kind is one the
// judge can return; a test checks that every kind in judge.KINDS has words. They live in
// goal-words.json, which the downloadable checker (checked_examples/local_check.py) fills
// too, so both say the same; fetched at the first Check (a few hundred bytes).
let goalWords = null;
const loadGoalWords = () => (goalWords ??= fetch(new URL("goal-words.json", import.meta.url)).then((r) => r.json()));

// The values a template names (goal_words.py fills the same names).
function fill(template, f, p, extra = {}) {
  const values = {
    duration: p.duration, tolerance: p.tolerance, line: f?.line, expected: f?.expected, measured: f?.measured,
    measured_seconds: typeof f?.measured === "number" ? seconds(f.measured) : "",
    expected_time: typeof f?.expected === "number" ? f.expected.toFixed(1) : "",
    expected_list: Array.isArray(f?.expected) ? f.expected.join(", ") : "",
    shortest_seconds: Array.isArray(f?.expected) && typeof f.expected[0] === "number" ? seconds(f.expected[0]) : "",
    longest_seconds: Array.isArray(f?.expected) && typeof f.expected[1] === "number" ? seconds(f.expected[1]) : "",
    ...extra,
  };
  return template.replace(/\{(\w+)\}/g, (_, key) => String(values[key]));
}

const goalWord = (words, f, p) => fill(words.findings[f.kind], f, p);

function setUpExercise(box) {
  if (exercises.has(box)) return;
  const name = box.dataset.name;
  const missing = missingFeature();
  box.hidden = false;
  loadStyle();
  const hints = [...box.querySelectorAll(".example-exercise__hints > li")];
  const solution = box.querySelector(".example-exercise__solution");
  const n = ++counter;
  const editor = element("div", { class: "example-run__editor example-exercise__editor" });
  const label = element("label", { for: `example-exercise-text-${n}` },
    "Your program: it starts as the program above; change it until it meets the goal below (Ctrl+Enter checks it)");
  const text = element("textarea", { id: `example-exercise-text-${n}`, spellcheck: "false", autocapitalize: "off", autocomplete: "off", "aria-keyshortcuts": "Control+Enter", rows: "14" });
  text.value = pageProgram(box);
  text.addEventListener("focus", () => useEditor(text), { once: true });
  editor.append(label, text);

  const bar = element("div", { class: "example-run__bar" });
  const check = element("button", { type: "button", class: "example-exercise__check md-button md-button--primary", "aria-label": `Check your program against the goal` }, "Check");
  const stop = element("button", { type: "button", class: "example-run__stop md-button", hidden: "" }, "Stop");
  const hint = element("button", { type: "button", class: "example-exercise__hint md-button" });
  const reveal = element("button", { type: "button", class: "example-exercise__reveal md-button", hidden: "", "aria-expanded": "false" }, "Show the solution");
  const reset = element("button", { type: "button", class: "example-exercise__reset md-button", "aria-label": "Start again from the program above" }, "Start again");
  const status = element("span", { class: "example-run__status", role: "status" });
  bar.append(check, stop, hint, reveal, reset, status);

  const result = element("div", { class: "example-run__result", hidden: "" });
  const live = element("div", { class: "example-run__live" });
  const title = element("span", { class: "example-run__title" }, "Your run");
  const code = element("pre", { tabindex: "0", role: "region", "aria-label": "Output of your program" });
  live.append(title, code);
  const verdict = element("p", { class: "example-run__verdict", "aria-live": "polite" });
  const diff = element("pre", { class: "example-run__diff", hidden: "", tabindex: "0", "aria-label": "How your run differs from the goal" });
  result.append(live, verdict, diff);

  const list = box.querySelector(".example-exercise__hints");
  list.setAttribute("aria-live", "polite");
  list.setAttribute("aria-label", "Hints");
  reveal.setAttribute("aria-controls", solution.id);
  box.prepend(editor, bar);
  list.before(result);
  const progress = element("p", { class: "example-exercise__progress", hidden: "" }, "✓ You have solved this one before, in this browser.");
  bar.after(progress);
  const state = { name, box, text, check, stop, hint, reveal, reset, status, result, title, code, verdict, diff, hints, shown: 0, solution, progress };
  exercises.set(box, state);
  progressModule().then(({ solvedOnes }) => {
    if (!solvedOnes().has(box.dataset.exercise)) return;
    box.classList.add("example-exercise--solved");
    state.progress.hidden = false;
  });
  showHintButton(state);
  if (missing) {
    check.disabled = true;
    status.textContent = `Your browser cannot check your program here: it lacks ${missing}.`;
  }
}

function showHintButton(state) {
  const left = state.hints.length - state.shown;
  state.hint.textContent = left ? `Show a hint (${state.shown + 1} of ${state.hints.length})` : "No more hints";
  state.hint.disabled = left === 0;
}

function nextHint(box) {
  const state = exercises.get(box);
  if (state.shown >= state.hints.length) return;
  state.hints[state.shown].hidden = false;
  state.shown += 1;
  showHintButton(state);
}

function toggleSolution(box) {
  const state = exercises.get(box);
  const opening = state.solution.hidden;
  state.solution.hidden = !opening;
  state.reveal.setAttribute("aria-expanded", String(opening));
  state.reveal.textContent = opening ? "Hide the solution" : "Show the solution";
}

async function showGoalVerdict(state, promise, findings, observed) {
  const words = await loadGoalWords();
  const solved = findings.length === 0;
  // A program that ended with an error wrote its traceback to stderr: one finding says it.
  if (findings.some((f) => f.kind === "exit" || f.kind === "other-exception"))
    findings = findings.filter((f) => f.kind !== "stderr");
  if (solved) {
    state.box.classList.add("example-exercise--solved");
    progressModule().then((m) => m.rememberSolved(state.box.dataset.exercise));
    state.progress.textContent = "✓ Solved: kept in this browser (the Exercises page lists your progress).";
    state.progress.hidden = false;
  }
  state.verdict.className = `example-run__verdict example-run__verdict--${solved ? "same" : "differs"}`;
  const lines = findings.filter((f) => f.kind === "line-late" || f.kind === "line-early");
  const said = findings.filter((f) => !lines.includes(f)).map((f) => goalWord(words, f, promise));
  // The first line out of time is the one to look at; the rest are listed below.
  if (lines.length) said.unshift(goalWord(words, lines[0], promise) + (lines.length > 1 ? fill(words.lines_out_of_time, null, promise, { count: lines.length }) : ""));
  state.verdict.textContent = solved
    ? fill(words.solved, null, promise, { seconds: seconds(observed.seconds) })
    : fill(words.not_yet, null, promise, { findings: said.join("; ") + (said.at(-1).endsWith("?") ? "" : ".") });
  const rows = [];
  for (const finding of findings) {
    if (finding.kind === "output") for (const [op, text] of finding.diff) rows.push(`${op} ${text}`);
  }
  if (lines.length > 1) rows.push(...lines.map((f) => goalWord(words, f, promise).split(":")[0]));
  state.diff.textContent = rows.join("\n");
  state.diff.hidden = rows.length === 0;
}

async function check(box) {
  const state = exercises.get(box);
  if (!state || state.running || state.check.disabled) return;
  const source = state.text.value;
  const promise = pagePromise(box);
  loadGoalWords(); // ready by the verdict
  const timeout = parseFloat(box.dataset.timeout);
  state.running = true;
  state.check.disabled = true;
  state.stop.hidden = false;
  state.result.hidden = false;
  state.code.textContent = "";
  offerTrace(state, null);
  startTimeline(state, promise);
  state.diff.hidden = true;
  state.verdict.textContent = "";
  state.verdict.className = "example-run__verdict";
  state.status.textContent = current ? "Waiting for the other run to end…" : "";
  let timer = null;
  const finished = (queue = queue.then(() => {
    if (state.stopped) return null;
    state.status.textContent = version ? "Checking…" : "Loading Python in your browser (about 13 MB, once)…";
    state.runId = nextId; // the id runInWorker gives this run
    return runInWorker(source, state.name, promise, (data) => {
      if (data.type === "ready") state.status.textContent = "Checking…";
      if (data.type === "line") addLine(state, data);
      if (data.type === "done") {
        clearTimeout(timer);
        const { observed, findings } = data;
        state.timeline.end(observed.seconds);
        state.status.textContent = `Checked: your program ran ${observed.seconds.toFixed(2)} s (the goal: ~${promise.duration} s).`;
        box.exerciseRun = { promise, observed, findings };
        showGoalVerdict(state, promise, findings, observed);
        offerTrace(state, data.trace, null);
      }
      if (data.type === "failed") state.status.textContent = `Python could not run it here: ${data.message}`;
      if (data.type === "stopped") state.status.textContent = "Stopped.";
      if (data.type === "hang") {
        // The suite stops a program at the fence's timeout, and its judge then finds
        // only "hang" (judge.py); the worker, stopped too, cannot be asked.
        state.status.textContent = `Stopped after ${data.seconds.toFixed(0)} s.`;
        state.timeline.end(data.seconds);
        box.exerciseRun = { promise, findings: [{ kind: "hang", measured: data.seconds }] };
        showGoalVerdict(state, promise, box.exerciseRun.findings, { seconds: data.seconds });
      }
    }).then(() => clearTimeout(timer));
  }));
  // A program that never ends is stopped as the suite stops it, at the fence's timeout
  // from its start (Python's loading is not the program's time).
  const watch = setInterval(() => {
    if (current?.id !== state.runId || !version || timer) return;
    timer = setTimeout(() => {
      if (!current) return;
      const stopping = current;
      stopWorker();
      stopping.onMessage({ type: "hang", seconds: timeout });
    }, timeout * 1000);
  }, 50);
  state.stopRun = () => {
    state.stopped = true;
    if (current) {
      const stopping = current;
      stopWorker();
      stopping.onMessage({ type: "stopped" });
    }
    state.status.textContent = "Stopped.";
  };
  await finished;
  clearInterval(watch);
  clearTimeout(timer);
  state.title.textContent = version ? `Your run · Python ${version} in your browser` : "Your run";
  state.running = false;
  state.stopped = false;
  state.check.disabled = false;
  state.stop.hidden = true;
  if (box.exerciseRun) state.reveal.hidden = false; // the solution, after a first Check
}

function resetExercise(box) {
  const state = exercises.get(box);
  state.text.value = pageProgram(box);
  state.result.hidden = true;
  state.status.textContent = "Your program is the one above again.";
  state.text.focus();
}

document.addEventListener("click", (event) => {
  const button = event.target.closest?.(".example-exercise button");
  if (!button) return;
  const box = button.closest(".example-exercise");
  if (button.classList.contains("example-exercise__check")) check(box);
  else if (button.classList.contains("example-run__stop")) exercises.get(box)?.stopRun?.();
  else if (button.classList.contains("example-exercise__hint")) nextHint(box);
  else if (button.classList.contains("example-exercise__reveal")) toggleSolution(box);
  else if (button.classList.contains("example-exercise__reset")) resetExercise(box);
});

document.addEventListener("click", (event) => {
  const button = event.target.closest?.(".example-run button");
  if (!button) return;
  const box = button.closest(".example-run");
  if (button.classList.contains("example-run__run")) start(box);
  else if (button.classList.contains("example-run__stop")) examples.get(box)?.stopRun?.();
  else if (button.classList.contains("example-run__edit")) toggleEditor(box);
  else if (button.classList.contains("example-run__reset")) resetEditor(box);
  else if (button.classList.contains("example-run__share"))
    import("./share.mjs").then((share) => share.share(examples.get(box).text.value, box.dataset.name, examples.get(box).status));
});

document.addEventListener("keydown", (event) => {
  if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
  const exercise = event.target.closest?.(".example-exercise__editor")?.closest(".example-exercise");
  if (exercise) {
    event.preventDefault();
    check(exercise);
    return;
  }
  const box = event.target.closest?.(".example-run__editor")?.closest(".example-run");
  if (!box) return;
  event.preventDefault();
  start(box);
});

// A page swapped in without a reload (a theme's instant navigation) brings new examples.
new MutationObserver((changes) => {
  if (changes.some((change) => [...change.addedNodes].some((node) => node.nodeType === 1 && !node.closest(".example-run, .example-exercise"))))
    setUpAll();
}).observe(document.body, { childList: true, subtree: true });
setUpAll();

// A page opened from a shared link (share.mjs): its program in its example's editor,
// marked as the link's; it runs only on a click.
if (location.hash.startsWith("#run="))
  import("./share.mjs").then((share) => share.openShared((name) => {
    const box = [...document.querySelectorAll(".example-run[data-name]")].find((found) => found.dataset.name === name);
    const state = box && examples.get(box);
    if (!state) return null;
    if (state.editor.hidden) toggleEditor(box);
    return state.text;
  }));
