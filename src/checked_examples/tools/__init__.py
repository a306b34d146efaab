"""The project's tools: `python -m checked_examples --help` lists them (cli.py)."""
