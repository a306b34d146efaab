// Load CPython (Pyodide) and run examples in it, one after another in one interpreter, each
// judged by the example suite's own judge (src/checked_examples/judge.py, run here in
// Python). The Web Worker (run-worker.mjs) and the Node check of every example
// (python -m checked_examples check-pyodide) both go through this module, so the check
// runs and judges exactly as the reader's browser does.

// `environment`: Python's start-up settings as the suite sets them (environment.json);
// `packageZip`: the modules of checked_examples the browser runs (checked_examples.zip).
// `snapshot`: the memory of an interpreter this function loaded before (below), or null;
// `keepSnapshot(bytes)`: called with such a memory, when there was none to start from.
export async function loadRuntime(loadPyodide, {
  indexURL, environment, packageZip, snapshot = null, keepSnapshot = null,
}) {
  const options = { indexURL, env: environment, fullStdLib: false };
  let py = null;
  let restored = false;
  if (snapshot) {
    try {
      py = await loadPyodide({ ...options, _loadSnapshot: snapshot });
      restored = true;
    } catch (error) {
      console.warn("Python's saved start-up could not be restored; starting afresh:", error);
    }
  }
  if (py === null) py = await loadPyodide({ ...options, _makeSnapshot: keepSnapshot !== null });
  // Into site-packages, which is on Python's path already, as an installed package would be.
  // After a snapshot too: it holds the imported modules, not the files (tracebacks read them).
  const sitePackages = py.runPython("import sysconfig; sysconfig.get_path('purelib')");
  py.unpackArchive(new Uint8Array(packageZip), "zip", { extractDir: sitePackages });
  // asyncio is the first thing every example imports: loaded now, not on a click.
  py.runPython("import asyncio, traceback, warnings, checked_examples.browser_runner");
  // Pyodide's memory snapshot (an experimental API of its own, pinned with it): the
  // interpreter with these modules imported, which a later page's worker starts from
  // instead of starting Python and importing them again. Taken before anything in Python
  // refers to a JavaScript object, which a snapshot cannot hold.
  if (!restored && keepSnapshot !== null) keepSnapshot(py.makeMemorySnapshot());
  const runner = py.pyimport("checked_examples.browser_runner");
  const version = py.runPython("import platform; platform.python_version()");
  const runtime = { py, runner, version, restored };
  // One throwaway run through the same path a click takes, printing a warning and a
  // traceback as many lessons do: the first time is slower (modules the interpreter
  // imports only then, the engine still compiling hot code), and that is the machine
  // warming up, not the lesson's timing (here a first "never awaited" warning came 0.08 s late).
  await runExample(runtime, WARM_UP, "warm_up.py", () => {});
  return runtime;
}

const WARM_UP = `import asyncio
import traceback
import warnings


async def main():
    await asyncio.gather(asyncio.sleep(0), asyncio.sleep(0.01))
    warnings.warn("warming up", RuntimeWarning)
    asyncio.sleep(0)  # never awaited: the warning that names where it was made
    try:
        raise RuntimeError("warming up")
    except RuntimeError as error:
        traceback.print_exception(error)


asyncio.run(main())
`;

// Runs `source` as the file `name`; `emit({stream, text, t})` gets each line as it is
// printed, `t` in seconds from the program's start. Resolves to what the run did:
// {stdout: [line], lineTimes: [s], stderr, status, seconds}, the judge's `Observed`.
export async function runExample({ py, runner }, source, name, emit) {
  let start = null;
  const now = () => performance.now();
  const since = () => (start === null ? 0 : (now() - start) / 1000);
  const stdout = [], lineTimes = [];
  let stderr = "";
  py.setStdout({ batched: (text) => {
    const t = since();
    stdout.push(text); lineTimes.push(t);
    emit({ stream: "stdout", text, t });
  } });
  py.setStderr({ batched: (text) => {
    stderr += `${text}\n`;
    emit({ stream: "stderr", text, t: since() });
  } });
  let seconds = null;
  // callPromising: with JavaScript Promise Integration the program's asyncio.run()
  // may suspend the WebAssembly stack while it waits, as a real interpreter blocks.
  // Every run records the event loop's story (loop_trace.py, as the suite records it for
  // trace="true"), which the page offers to step through: `lastTrace`.
  const status = await runner.run.callPromising(source, name, () => {
    start = now();
  }, () => {
    seconds = since();
  }, true);
  return { stdout, lineTimes, stderr, status, seconds: seconds ?? since() };
}

// The event loop's story of the last run (the trace file's JSON), or null.
export function lastTrace({ runner }) {
  return runner.last_trace() ?? null;
}

// The judge's findings (judge.py's Finding, as plain objects) on a run of runExample's:
// `promise` is what the page declares, {lines (null: no output block), times (the
// block's times= text, or null), duration, tolerance, raises, warns: [text]}.
export function judgeRun({ runner }, promise, observed) {
  return JSON.parse(runner.judge_run(JSON.stringify(promise), JSON.stringify(observed)));
}
