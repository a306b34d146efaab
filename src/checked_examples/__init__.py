"""Checked examples: an example's whole life, from the page to the verdict.

An example is a `py` fence whose settings say how the program behaves, embedding a file
of examples/, and the ```` ```output ```` block under it, with when each line was printed:

    ```py {duration="2"}
    --8<-- "examples/running-several-coroutines/gather_runs_fetches_concurrently.py"
    ```

    ```output {times="0.0 2.0"}
    Fetching users...
    ```

Reading (settings.py, embed.py, output_block.py, page.py), rendering (markdown/),
running (run/, and browser_runner.py in the reader's browser), judging (judge.py, the
one judge the suite and the Run button share) and recording (record.py) all live here;
the pytest plugin (pytest_plugin.py), the Markdown extension and the browser runtime
(runtime.py) are thin faces on them. README.md, "The engine", maps every module.
This module imports nothing: the browser loads it with the judge.
"""
