// Load CPython (Pyodide) and run examples in it, one after another in one interpreter.
// The Web Worker (run-worker.mjs) and the Node check of every example
// (tests/pyodide/run_examples.mjs) both run examples through this module, so the
// check runs exactly what the reader's browser runs.

// Python's own start-up knobs, as the example suite sets them (set iteration order is
// part of some outputs).
const ENV = { PYTHONHASHSEED: "0", PYTHONIOENCODING: "utf-8", NO_COLOR: "1" };

export async function loadRuntime(loadPyodide, { indexURL, runnerSource }) {
  const py = await loadPyodide({ indexURL, env: ENV, fullStdLib: false });
  py.FS.writeFile(`${py.FS.cwd()}/example_runner.py`, runnerSource);
  py.runPython("import sys, os; sys.path.insert(0, os.getcwd())");
  const runner = py.pyimport("example_runner");
  // asyncio is the first thing every example imports: loaded now, not on a click.
  py.runPython("import asyncio");
  const version = py.runPython("import platform; platform.python_version()");
  const runtime = { py, runner, version };
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
// printed, `t` in seconds from the program's start. Resolves to {status, seconds}.
export async function runExample({ py, runner }, source, name, emit) {
  let start = null;
  const now = () => performance.now();
  const since = () => (start === null ? 0 : (now() - start) / 1000);
  py.setStdout({ batched: (text) => emit({ stream: "stdout", text, t: since() }) });
  py.setStderr({ batched: (text) => emit({ stream: "stderr", text, t: since() }) });
  let seconds = null;
  // callPromising: with JavaScript Promise Integration the program's asyncio.run()
  // may suspend the WebAssembly stack while it waits, as a real interpreter blocks.
  const status = await runner.run.callPromising(source, name, () => {
    start = now();
  }, () => {
    seconds = since();
  });
  return { status, seconds: seconds ?? since() };
}
