// The Web Worker that runs examples for the page's Run buttons (run-button.mjs), so the
// page never freezes. It loads Python on its first message, from the site itself (the
// files the build's runtime step put in assets/run/: src/checked_examples/runtime.py),
// then runs each example it is sent, one after another, posts every printed line with
// its time, and ends each run with the judge's findings.
//
// The first load on this site also keeps Python's memory, once started, in the browser's
// Cache Storage (nothing is sent anywhere): a page opened later, in a new tab or by a
// full load, starts its worker from it instead of starting Python again.
import { loadPyodide, version as pyodideVersion } from "./pyodide/pyodide.mjs";
import { judgeRun, lastTrace, loadRuntime, runExample } from "./engine.mjs";

let runtime = null;

async function fetched(name, as) {
  const response = await fetch(new URL(`./${name}`, import.meta.url));
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  return as === "json" ? response.json() : response.arrayBuffer();
}

const SNAPSHOTS = "asyncio-by-example-python";

// A snapshot is only good for the same Pyodide, the same modules and the same settings.
async function snapshotKey(environment, packageZip) {
  const what = new TextEncoder().encode(pyodideVersion + JSON.stringify(environment));
  const bytes = new Uint8Array(what.length + packageZip.byteLength);
  bytes.set(what);
  bytes.set(new Uint8Array(packageZip), what.length);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const hex = Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return new URL(`./python-snapshot/${hex}`, import.meta.url).href;
}

// Cache Storage may be missing or refused (a private window, an insecure origin, a full
// disk): then Python starts afresh each time, as without a snapshot.
async function savedSnapshot(key) {
  try {
    const saved = await (await caches.open(SNAPSHOTS)).match(key);
    return saved ? new Uint8Array(await saved.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

function keepSnapshot(key) {
  return (bytes) => {
    caches.open(SNAPSHOTS).then(async (cache) => {
      for (const old of await cache.keys()) await cache.delete(old); // an older site's
      await cache.put(key, new Response(bytes));
    }).catch(() => {});
  };
}

async function start() {
  const [environment, packageZip] = await Promise.all([
    fetched("environment.json", "json"),
    fetched("checked_examples.zip", "bytes"),
  ]);
  const indexURL = new URL("./pyodide/", import.meta.url).href;
  const key = await snapshotKey(environment, packageZip);
  const snapshot = await savedSnapshot(key);
  return loadRuntime(loadPyodide, {
    indexURL, environment, packageZip, snapshot, keepSnapshot: keepSnapshot(key),
  });
}

self.onmessage = async ({ data }) => {
  try {
    if (runtime === null) {
      runtime = start();
      const { version, restored } = await runtime;
      self.postMessage({ type: "ready", version, restored });
    }
    const loaded = await runtime;
    if (data.type === "load") return; // run-button.mjs preload(): loading was all
    const emit = (line) => self.postMessage({ type: "line", id: data.id, ...line });
    const observed = await runExample(loaded, data.source, data.name, emit);
    const findings = judgeRun(loaded, data.promise, observed);
    const trace = lastTrace(loaded);
    self.postMessage({ type: "done", id: data.id, observed, findings, trace });
  } catch (error) {
    self.postMessage({ type: "failed", id: data.id, message: String(error?.message ?? error) });
  }
};
