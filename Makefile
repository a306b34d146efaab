# Asyncio by Example. `make help` lists the targets.
# Every target that runs a tool first makes .venv from requirements.lock
# (hash-checked), so a fresh clone needs only Python >= 3.11, git and make.

PYTHON ?= python3
# Another interpreter gets its own environment: make test PYTHON=python3.13 VENV=.venv-3.13
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-from-lock
# For tools that start other tools by name (pre-commit starts ruff, mike starts mkdocs).
ON_PATH = PATH="$(abspath $(BIN)):$$PATH"
HOST ?= 127.0.0.1
# Extra pytest arguments, e.g. make update-examples PYTEST_ARGS='-k timeouts'
PYTEST_ARGS ?=
PORT ?= 8000
# `make test` also runs the examples on every other Python >= 3.11 it finds here.
# CI says no: its matrix gives each version a job of its own.
EVERY_PYTHON ?= yes
# The version and alias a deploy writes: make versions-deploy VERSION=0.2 ALIAS=latest
VERSION ?= dev
ALIAS ?=

# Hides mkdocs-material's banner about MkDocs 2.0 on every build.
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help serve test test-browser docs examples examples-every-python update-examples lint \
	check-github format lock bench bench-site versions-deploy versions-list versions-serve publish clean

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-22s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "error: $(PYTHON) is older than 3.11; run make PYTHON=python3.11 (or newer)"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	@touch $@

serve: $(STAMP) ## Build the site and serve it on http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --dev-addr $(HOST):$(PORT)

test: lint docs check-github ## Run every check: hooks, strict build, .github/, the suite, the browser, other Pythons
	$(BIN)/pytest $(PYTEST_ARGS)
	$(MAKE) --no-print-directory test-browser
ifeq ($(EVERY_PYTHON),yes)
	@$(BIN)/python tests/run_on_every_python.py
endif

# Its own run, after the timed examples: a worker per core, each with its own server and
# Chromium, all sharing one deployed site (deployed once, by the first worker to need it).
# Skips (loudly) without a Chromium.
test-browser: $(STAMP) ## The built site in Chromium: pages, search, copy, axe, links, phone
	$(BIN)/pytest tests/browser -n auto $(PYTEST_ARGS)

docs: $(STAMP) ## Build the site strictly into site/ (a warning fails the build)
	$(BIN)/mkdocs build --strict --clean --site-dir site

examples: $(STAMP) ## Run the example suite alone (tests/test_examples.py)
	$(BIN)/pytest tests/test_examples.py $(PYTEST_ARGS)

examples-every-python: $(STAMP) ## Run the example suite on every other Python >= 3.11 found here
	@$(BIN)/python tests/run_on_every_python.py

update-examples: $(STAMP) ## Run every example and write its real output into the pages
	$(BIN)/pytest tests/test_examples.py::test_example_runs_as_the_page_says --update-examples $(PYTEST_ARGS)

lint: $(STAMP) ## Run the pre-commit hooks on every file: ruff (lint, format), codespell
	$(ON_PATH) $(BIN)/pre-commit run --all-files --show-diff-on-failure

check-github: $(STAMP) ## Validate .github/ against GitHub's schemas and audit the workflows (zizmor)
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.dependabot .github/dependabot.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.github-issue-forms .github/ISSUE_TEMPLATE/*-*.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.github-issue-config .github/ISSUE_TEMPLATE/config.yml
	$(BIN)/zizmor --offline --no-progress --persona=pedantic .github/ .pre-commit-config.yaml

format: $(STAMP) ## Fix what ruff can fix by itself
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

lock: $(STAMP) ## Regenerate requirements.lock from pyproject.toml (review the diff)
	$(BIN)/uv pip compile pyproject.toml --universal --python-version 3.11 \
		--generate-hashes --quiet --output-file requirements.lock

bench: $(STAMP) ## Time the example suite against its longest example
	$(BIN)/python tests/benchmarks/example_suite_wall_time.py

versions-deploy: $(STAMP) ## Commit the site as VERSION (ALIAS=latest moves latest) to the local gh-pages; no push
	$(ON_PATH) $(BIN)/mike deploy --update-aliases $(VERSION) $(ALIAS)
	$(if $(filter latest,$(ALIAS)),$(ON_PATH) $(BIN)/mike set-default latest)

versions-list: $(STAMP) ## List the versions on gh-pages and their aliases
	$(ON_PATH) $(BIN)/mike list

versions-serve: $(STAMP) ## Serve gh-pages with its version selector on http://127.0.0.1:8000
	$(ON_PATH) $(BIN)/mike serve --dev-addr $(HOST):$(PORT)

publish: $(STAMP) ## (publish workflow) Deploy VERSION to gh-pages and push it
	$(ON_PATH) .ci/deploy-docs.sh $(VERSION) $(ALIAS)

bench-site: $(STAMP) node_modules/.package-lock.json ## Lighthouse on our pages vs default Material
	$(BIN)/python tests/benchmarks/site_lighthouse.py

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund

clean: ## Remove the environments, the built site and caches
	rm -rf .venv .venv-* site .cache .pytest_cache .ruff_cache artifacts node_modules
