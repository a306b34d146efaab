# Asyncio by Example. `make help` lists the targets.
# Every target that runs a tool first makes .venv from requirements.lock
# (hash-checked), so a fresh clone needs only Python >= 3.11, git and make.

PYTHON ?= python3
# Another interpreter gets its own environment: make test PYTHON=python3.13 VENV=.venv-3.13
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-from-lock
HOST ?= 127.0.0.1
# Extra pytest arguments, e.g. make update-examples PYTEST_ARGS='-k timeouts'
PYTEST_ARGS ?=
PORT ?= 8000

# Hides mkdocs-material's banner about MkDocs 2.0 on every build.
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help serve test test-browser docs update-examples lint format lock bench bench-site clean

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-16s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "error: $(PYTHON) is older than 3.11; run make PYTHON=python3.11 (or newer)"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	@touch $@

serve: $(STAMP) ## Build the site and serve it on http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --dev-addr $(HOST):$(PORT)

test: lint docs ## Run every check: lint, strict site build, the example suite, the site in a browser
	$(BIN)/pytest $(PYTEST_ARGS)
	$(MAKE) --no-print-directory test-browser

# Its own run, without xdist: one deployed site, one server and one Chromium for all
# of it, instead of one per worker. Skips (loudly) without a Chromium.
test-browser: $(STAMP) ## The built site in Chromium: pages, search, copy, axe, links, phone
	$(BIN)/pytest tests/browser -n 0 $(PYTEST_ARGS)

docs: $(STAMP) ## Build the site strictly into site/ (a warning fails the build)
	$(BIN)/mkdocs build --strict --clean --site-dir site

update-examples: $(STAMP) ## Run every example and write its real output into the pages
	$(BIN)/pytest tests/test_examples.py::test_example_runs_as_the_page_says --update-examples $(PYTEST_ARGS)

lint: $(STAMP) ## Check code style with ruff (lint and format)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP) ## Fix what ruff can fix by itself
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

lock: $(STAMP) ## Regenerate requirements.lock from pyproject.toml (review the diff)
	$(BIN)/uv pip compile pyproject.toml --universal --python-version 3.11 \
		--generate-hashes --quiet --output-file requirements.lock

bench: $(STAMP) ## Time the example suite against its longest example
	$(BIN)/python tests/benchmarks/example_suite_wall_time.py

bench-site: $(STAMP) node_modules/.package-lock.json ## Lighthouse on our pages vs default Material
	$(BIN)/python tests/benchmarks/site_lighthouse.py

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund

clean: ## Remove the environment, the built site and caches
	rm -rf .venv .venv-* site .cache .pytest_cache .ruff_cache artifacts node_modules
