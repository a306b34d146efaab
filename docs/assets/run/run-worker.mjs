// The Web Worker that runs examples for the page's Run buttons (run-button.mjs), so the
// page never freezes. It loads Python on its first message, from the site itself
// (assets/run/pyodide/, copied from the pinned npm package at build time), then runs each
// example it is sent, one after another, and posts every printed line with its time.
import { loadPyodide } from "./pyodide/pyodide.mjs";
import { loadRuntime, runExample } from "./engine.mjs";

let runtime = null;

async function start() {
  const response = await fetch(new URL("./example_runner.py", import.meta.url));
  if (!response.ok) throw new Error(`example_runner.py: HTTP ${response.status}`);
  const indexURL = new URL("./pyodide/", import.meta.url).href;
  return loadRuntime(loadPyodide, { indexURL, runnerSource: await response.text() });
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
    const { status, seconds } = await runExample(loaded, data.source, data.name, emit);
    self.postMessage({ type: "done", id: data.id, status, seconds });
  } catch (error) {
    self.postMessage({ type: "failed", id: data.id, message: String(error?.message ?? error) });
  }
};
