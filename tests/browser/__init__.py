"""What a reader's browser gets: the built site, served on 127.0.0.1, in real Chromium.

`make test` runs these in their own pytest run, a worker per core, each with its own
Chromium and server, all sharing one deployed site (conftest.py). The helpers beside
the tests are also used by tests/benchmarks/site_lighthouse.py.
"""
