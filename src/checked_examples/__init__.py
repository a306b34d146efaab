"""The site's example format, in one place: what a page says about each example.

An example is a `py` fence whose settings say how the program behaves, holding
either an embed of a file in examples/ or the program itself, and the
```` ```output ```` block right under it, with when each line was printed:

    ```py {duration="2"}
    --8<-- "examples/running-several-coroutines/gather_runs_fetches_concurrently.py"
    ```

    ```output {times="0.0 2.0"}
    Fetching users...
    ```

- `settings.py`: the fence's settings, parsed and checked for typos.
- `embed.py`: the `--8<--` line that puts a file from examples/ in a fence.
- `output_block.py`: the one reader of output blocks.
- `markdown/`: the Python-Markdown extension code that renders all of it.

The example suite (tests/example_harness/) runs and checks what this describes;
the site build (MkDocs today, any Python-Markdown engine) renders it. Both import
it from here, so the two can never read a page differently.
"""
