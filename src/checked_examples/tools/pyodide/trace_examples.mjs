// Records the event loop's story of examples in Pyodide under Node, with the recorder the
// suite loads into its child processes (checked_examples/loop_trace.py, through
// browser_runner.run's `trace`), and prints one JSON line per example: {id, status, trace}.
// Driven by `python -m checked_examples check-pyodide --trace`:
//   node --experimental-wasm-stack-switching trace_examples.mjs PYODIDE_DIR EXAMPLES_JSON
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const assets = join(here, "..", "..", "..", "..", "docs", "assets", "run");
const { loadRuntime } = await import(pathToFileURL(join(assets, "engine.mjs")));

const [pyodideDir, examplesFile] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")));
const environment = JSON.parse(readFileSync(join(assets, "environment.json"), "utf-8"));
const packageZip = readFileSync(join(assets, "checked_examples.zip"));
const examples = JSON.parse(readFileSync(examplesFile, "utf-8"));

const { py, runner, version } = await loadRuntime(loadPyodide, {
  indexURL: `${pyodideDir}/`, environment, packageZip,
});
process.stderr.write(`Python ${version} (Pyodide) loaded\n`);
let stderr = "";
py.setStdout({ batched: () => {} });
py.setStderr({ batched: (text) => { stderr += `${text}\n`; } });
for (const example of examples) {
  stderr = "";
  const status = await runner.run.callPromising(example.program, example.name, () => {}, () => {}, true);
  const trace = runner.last_trace();
  process.stdout.write(`${JSON.stringify({ id: example.id, status, stderr, trace: trace && JSON.parse(trace) })}\n`);
}
process.exit(0);
