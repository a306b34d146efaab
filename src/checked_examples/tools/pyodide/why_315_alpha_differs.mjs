// Why 4 examples differ on Pyodide 315.0.0-alpha.2: its runtime, not CPython 3.15.
//   node --experimental-wasm-stack-switching src/checked_examples/tools/pyodide/why_315_alpha_differs.mjs node_modules/pyodide-315
// Runs one small program through the Run button's engine (docs/assets/run/), three ways:
//   1. as the runtime comes;
//   2. with Pyodide 314.0.7's two WebLoop fixes (webloop_fixes_of_314.py);
//   3. as 2, on CPython's pure-Python asyncio (pure_python_asyncio.py: the same version's
//      Lib/asyncio without its C accelerator, whose task list lives on the thread state
//      since 3.14).
// CPython 3.11 to 3.14 print "cancelled by asyncio.run" and "stopped by CancelledError".
// Measured: Pyodide 314.0.7 prints them all three ways; 315.0.0-alpha.2 prints neither in
// 1 and 2, and both in 3. So CPython 3.15's own asyncio.run cleans up as 3.14's does, and
// the alpha loses tasks made on a stack-switched thread state (Pyodide's fixes of its
// thread states under stack switching, pyodide/pyodide#6421, came after the alpha was
// built). `python -m checked_examples check-pyodide --set-up` runs every example the third way.
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { readFileSync } from "node:fs";

const assets = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "docs", "assets", "run");
const { loadRuntime, runExample } = await import(pathToFileURL(join(assets, "engine.mjs")));
const pyodideDir = process.argv[2] ?? "node_modules/pyodide-315";
const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")));

const PROGRAM = `import asyncio


async def radio():
    try:
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        print("radio: cancelled by asyncio.run")
        raise


async def numbers():
    try:
        while True:
            await asyncio.sleep(0.01)
            yield 1
    except BaseException as exc:
        print(f"generator: stopped by {type(exc).__name__}")
        raise


async def main():
    asyncio.create_task(radio())
    generator = numbers()
    await anext(generator)
    print("main: returns, leaving a task and a suspended generator")


asyncio.run(main())
`;

const here = dirname(fileURLToPath(import.meta.url));
const WEBLOOP_FIXES = readFileSync(join(here, "webloop_fixes_of_314.py"), "utf-8");
const PURE_PYTHON_ASYNCIO = readFileSync(join(here, "pure_python_asyncio.py"), "utf-8");

const load = () =>
  loadRuntime(loadPyodide, {
    indexURL: `${pyodideDir}/`,
    runnerSource: readFileSync(join(assets, "example_runner.py"), "utf-8"),
  });
const ways = [
  ["as it comes", ""],
  ["with 314.0.7's WebLoop fixes", WEBLOOP_FIXES],
  ["with them, on pure-Python asyncio", PURE_PYTHON_ASYNCIO + "\n" + WEBLOOP_FIXES],
];
for (const [name, setUp] of ways) {
  const runtime = await load(); // a fresh interpreter for each way
  if (setUp) runtime.py.runPython(setUp);
  console.log(`== Python ${runtime.version}, ${name}`);
  await runExample(runtime, PROGRAM, "leftovers.py", ({ stream, text }) =>
    console.log(`${stream === "stderr" ? "stderr: " : ""}${text}`));
}
process.exit(0); // the leftover task's timer would keep Node alive for an hour
