"""Re-import asyncio without its C accelerator, in a loaded Pyodide: CPython's own Python Task.

A diagnosis, not part of the Run button (see webloop_fixes_of_314.py). Since 3.14 the
accelerator `_asyncio` keeps each thread state's tasks in a list on that thread state,
which asyncio.all_tasks() reads; the pure-Python Task of the same Lib/asyncio keeps them
in one module-level set. Run this before webloop_fixes_of_314.py.
"""

import sys

for name in [
    m for m in sys.modules if m in ("asyncio", "pyodide.webloop") or m.startswith("asyncio.")
]:
    del sys.modules[name]
sys.modules["_asyncio"] = None  # asyncio then falls back to its Python implementation

import asyncio  # noqa: E402

import example_runner  # noqa: E402
import pyodide.webloop  # noqa: E402

asyncio.set_event_loop_policy(pyodide.webloop.WebLoopPolicy())
example_runner.asyncio = asyncio
example_runner._pyodide_run = asyncio.run
