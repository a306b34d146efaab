"""Pyodide 314.0.7's two WebLoop fixes, for the 315.0.0-alpha.2 runtime that lacks them.

A diagnosis, not part of the Run button: ``python -m checked_examples check-pyodide --set-up`` and
`why_315_alpha_differs.mjs` run it to show why 4 examples differ on the alpha. With stack
switching, each call runs on a thread state of its own, and asyncio keeps the running
loop and the async generator hooks on the thread state; 314.0.7's WebLoop claims both
on the thread state that runs each callback (its webloop.py says why), the alpha's does
not. Here every Handle does that before it runs.
"""

import asyncio
import sys

from pyodide.webloop import WebLoop

_run = asyncio.Handle._run


def _run_on_this_thread_state(self):
    loop = self._loop
    if isinstance(loop, WebLoop) and not loop.is_closed():
        if asyncio._get_running_loop() is not loop:
            asyncio._set_running_loop(loop)
        hooks = sys.get_asyncgen_hooks()
        if hooks.firstiter != loop._asyncgen_firstiter_hook:
            if loop._old_agen_hooks is None:
                loop._old_agen_hooks = hooks
            sys.set_asyncgen_hooks(
                firstiter=loop._asyncgen_firstiter_hook, finalizer=loop._asyncgen_finalizer_hook
            )
    return _run(self)


asyncio.Handle._run = _run_on_this_thread_state
