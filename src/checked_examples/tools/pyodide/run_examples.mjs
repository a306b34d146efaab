// Runs examples in Pyodide under Node, through the site's own engine, judged by the suite's
// judge as the Run button judges them (docs/assets/run/engine.mjs), and prints one JSON
// line per example. Driven by checked_examples/tools/check_pyodide.py:
//   node --experimental-wasm-stack-switching run_examples.mjs PYODIDE_DIR EXAMPLES_JSON [SET_UP_PY]
// SET_UP_PY, for a diagnosis only: Python run in each interpreter once it is loaded.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const assets = join(here, "..", "..", "..", "..", "docs", "assets", "run");
const { judgeRun, loadRuntime, runExample } = await import(pathToFileURL(join(assets, "engine.mjs")));

const [pyodideDir, examplesFile, setUpFile] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")));
// What the build's runtime step put beside the engine (checked_examples/runtime.py).
const environment = JSON.parse(readFileSync(join(assets, "environment.json"), "utf-8"));
const packageZip = readFileSync(join(assets, "checked_examples.zip"));
const examples = JSON.parse(readFileSync(examplesFile, "utf-8"));

const setUp = setUpFile ? readFileSync(setUpFile, "utf-8") : "";
const load = async () => {
  const loaded = await loadRuntime(loadPyodide, { indexURL: `${pyodideDir}/`, environment, packageZip });
  if (setUp) loaded.py.runPython(setUp);
  return loaded;
};
let runtime = await load();
process.stderr.write(`Python ${runtime.version} (Pyodide) loaded\n`);

for (const example of examples) {
  const lines = [], lineTimes = [];
  let stderr = "";
  // What it printed so far, in case it hangs or crashes before runExample reports.
  const emit = ({ stream, text, t }) => {
    if (stream === "stdout") { lines.push(text); lineTimes.push(t); }
    else stderr += `${text}\n`;
  };
  let timer;
  const stopped = new Promise((resolve) => {
    timer = setTimeout(() => resolve(null), example.timeout * 1000);
  });
  const ran = await Promise.race([
    runExample(runtime, example.program, example.name, emit).catch((error) => ({ error })),
    stopped,
  ]);
  clearTimeout(timer);
  const result = { id: example.id, lines, lineTimes, stderr };
  if (ran === null) {
    result.hung = true;
    runtime = await load(); // the stuck interpreter is abandoned
  } else if (ran.error) {
    result.crashed = String(ran.error);
    runtime = await load();
  } else {
    result.status = ran.status;
    result.seconds = ran.seconds;
    result.findings = judgeRun(runtime, example.promise, ran);
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
process.exit(0);
