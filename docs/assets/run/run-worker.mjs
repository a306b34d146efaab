// The Web Worker that runs examples for the page's Run buttons (run-button.mjs), so the
// page never freezes. It loads Python on its first message, from the site itself (the
// files the build's runtime step put in assets/run/: src/checked_examples/runtime.py),
// then runs each example it is sent, one after another, posts every printed line with
// its time, and ends each run with the judge's findings.
import { loadPyodide } from "./pyodide/pyodide.mjs";
import { judgeRun, loadRuntime, runExample } from "./engine.mjs";

let runtime = null;

async function fetched(name, as) {
  const response = await fetch(new URL(`./${name}`, import.meta.url));
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  return as === "json" ? response.json() : response.arrayBuffer();
}

async function start() {
  const [environment, packageZip] = await Promise.all([
    fetched("environment.json", "json"),
    fetched("checked_examples.zip", "bytes"),
  ]);
  const indexURL = new URL("./pyodide/", import.meta.url).href;
  return loadRuntime(loadPyodide, { indexURL, environment, packageZip });
}

self.onmessage = async ({ data }) => {
  try {
    if (runtime === null) {
      runtime = start();
      const { version } = await runtime;
      self.postMessage({ type: "ready", version });
    }
    const loaded = await runtime;
    if (data.type === "load") return; // run-button.mjs preload(): loading was all
    const emit = (line) => self.postMessage({ type: "line", id: data.id, ...line });
    const observed = await runExample(loaded, data.source, data.name, emit);
    const findings = judgeRun(loaded, data.promise, observed);
    self.postMessage({ type: "done", id: data.id, observed, findings });
  } catch (error) {
    self.postMessage({ type: "failed", id: data.id, message: String(error?.message ?? error) });
  }
};
