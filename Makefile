# Asyncio by Example. `make help` lists the targets; the tools behind them,
# `python -m checked_examples --help`. Every target makes .venv from the hash-checked
# requirements.txt first: a fresh clone needs Python >= 3.11, git and make (npm for Run buttons).

PYTHON ?= python3
# Another interpreter gets its own environment: make test PYTHON=python3.13 VENV=.venv-3.13
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-from-lock
TOOL := $(BIN)/python -m checked_examples
ON_PATH = PATH="$(abspath $(BIN)):$$PATH"
HOST ?= 127.0.0.1
PORT ?= 8000
NPM := $(shell command -v npm 2>/dev/null)
# The Run buttons' runtime among the site's files; without npm, no buttons, and it says why.
RUNTIME := $(if $(NPM),node_modules/.package-lock.json) runtime
# One page's examples alone: make examples PAGE=timeouts (several: PAGE="timeouts queues")
PAGE ?=
PAGE_ARGS = $(foreach page,$(PAGE),--page $(page))
# Extra pytest arguments, e.g. make examples PYTEST_ARGS='-k gather -x'
PYTEST_ARGS ?=
EXAMPLES_AT_ONCE ?= 16
EXAMPLES = $(BIN)/pytest tests/test_examples.py --examples-at-once $(EXAMPLES_AT_ONCE) $(PAGE_ARGS)
# Also on every other Python >= 3.11 here, in the same run (CI's matrix says no).
EVERY_PYTHON ?= yes
ALSO_PYTHON = $(if $(filter yes,$(EVERY_PYTHON)),$$($(TOOL) every-python))
RUNS ?= 10
BUSY ?= no
# The version and alias a deploy writes: make versions-deploy VERSION=0.2 ALIAS=latest
VERSION ?= dev
ALIAS ?=
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help serve docs test suite test-browser test-run-buttons browser-site examples examples-every-python \
	update-examples check-page flake-hunt bench bench-site lint check-github github-labels format lock \
	versions-deploy versions-list versions-serve publish runtime compare-engines clean

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-22s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "error: $(PYTHON) is older than 3.11; run make PYTHON=python3.11 (or newer)"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.txt
	PYTHONPATH=src $(TOOL) setup-env
	@touch $@

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund

runtime: $(STAMP) $(if $(NPM),node_modules/.package-lock.json)
	@$(TOOL) runtime

serve: $(STAMP) $(RUNTIME) ## Build the site and serve it on http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --dev-addr $(HOST):$(PORT)

docs: $(STAMP) $(RUNTIME) ## Build the site strictly into site/ (a warning fails the build)
	$(BIN)/mkdocs build --strict --clean --site-dir site

# Every step runs, and the summary names the failed ones (checked_examples/cli.py `test`).
EXAMPLES_STEP := $(if $(filter yes,$(EVERY_PYTHON)),examples-every-python,examples)
test: $(STAMP) $(RUNTIME) ## Run every check: hooks, both builds, .github/, the examples on every Python, the suite, the browser
	@$(TOOL) test --wait-before $(EXAMPLES_STEP) lint compare-engines check-github $(EXAMPLES_STEP) suite test-browser

suite: $(STAMP) ## The rest of the pytest suite: examples' lint, the harness's own tests, .github, deploys
	$(BIN)/pytest --ignore=tests/test_examples.py -n 4 --dist worksteal $(PYTEST_ARGS)

test-browser: $(STAMP) $(RUNTIME) ## The built site in Chromium: pages, search, copy, axe, links, phone, Run buttons
	@$(TOOL) test-browser $(PYTEST_ARGS)

test-run-buttons: $(STAMP) $(RUNTIME) ## Every Run button of the built site in Chromium, one browser alone (lines are timed)
	$(BIN)/pytest tests/browser/test_run_button.py -p no:xdist $(PYTEST_ARGS)

browser-site: $(STAMP) $(RUNTIME)
	@test -n "$(BROWSER_SITE_DIR)" || { echo "usage: make browser-site BROWSER_SITE_DIR=<folder>"; exit 2; }
	$(TOOL) browser-site "$(BROWSER_SITE_DIR)"

# Zensical reads mkdocs.yml too, ignores its hooks, and reads the inventory MkDocs compiled.
compare-engines: docs ## make docs, then Zensical too (site-zensical/), and compare every example's HTML and Run controls
	rm -rf site-zensical
	inventory=$$($(TOOL) inventory) && PYTHON_INVENTORY_URL="$$inventory" SITE_DIR=site-zensical \
		$(BIN)/zensical build --strict --config-file mkdocs.yml
	$(TOOL) compare-engines site site-zensical

examples: $(STAMP) ## Run every example on .venv's Python, timed, and nothing else; PAGE=timeouts: one page's
	$(EXAMPLES) $(PYTEST_ARGS)

examples-every-python: $(STAMP) ## Run the examples on this Python and every other >= 3.11 found here, in one timed run
	@also=$$($(TOOL) every-python) && set -x && $(EXAMPLES) $$also $(PYTEST_ARGS)

update-examples: $(STAMP) ## Write every example's real output, from .venv's Python, into its page (PAGE=name: one page's)
	$(EXAMPLES) -k "runs_as_the_page_says or is_on_a_page" --update-examples $(PYTEST_ARGS)

check-page: $(STAMP) ## The quick check of one page (PAGE=name): its examples and their lint, the hooks, the build
	@test -n "$(PAGE)" || { echo "usage: make check-page PAGE=<page>, e.g. PAGE=timeouts"; exit 2; }
	$(BIN)/pytest tests/test_examples.py tests/test_example_lint.py $(PAGE_ARGS) $(PYTEST_ARGS)
	$(MAKE) --no-print-directory lint docs

flake-hunt: $(STAMP) ## Run the examples RUNS times (BUSY=yes: with one core kept busy); per-example failures and times
	@also=$(ALSO_PYTHON) && set -x && $(TOOL) flake-hunt --runs $(RUNS) --busy $(BUSY) \
		--examples-at-once $(EXAMPLES_AT_ONCE) $(PAGE_ARGS) $$also

bench: $(STAMP) ## Time the example suite (on every Python here, as make test runs it) against its longest example
	@also=$(ALSO_PYTHON) && set -x && $(TOOL) bench --examples-at-once $(EXAMPLES_AT_ONCE) $$also

bench-site: $(STAMP) $(RUNTIME) ## Lighthouse on our pages vs default Material
	$(TOOL) bench-site

lint: $(STAMP) ## Run the pre-commit hooks on every file, new ones too: ruff (lint, format), codespell
	@git ls-files -z --cached --others --exclude-standard | \
		$(ON_PATH) xargs -0 $(BIN)/pre-commit run $(if $(CI),--show-diff-on-failure) --files

# zizmor offline: nothing fetched. CI also runs it online (ZIZMOR_ONLINE=yes, GH_TOKEN).
check-github: $(STAMP) ## Validate .github/ against GitHub's schemas and audit the workflows (zizmor)
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.dependabot .github/dependabot.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.github-issue-forms .github/ISSUE_TEMPLATE/*-*.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.github-issue-config .github/ISSUE_TEMPLATE/config.yml
	$(BIN)/zizmor $(if $(filter yes,$(ZIZMOR_ONLINE)),,--offline) --no-progress --persona=pedantic .github/ .pre-commit-config.yaml

github-labels: $(STAMP) ## Create the labels the issue forms use (.github/labels.yml) on GitHub, with gh (once)
	$(TOOL) github-labels

format: $(STAMP) ## Fix what ruff can fix by itself
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

lock: $(STAMP) ## Regenerate requirements.in and requirements.txt from pyproject.toml (review the diff)
	$(TOOL) lock

versions-deploy: $(STAMP) $(RUNTIME) ## Commit the site as VERSION (ALIAS=latest moves latest) to the local gh-pages; no push
	@$(BIN)/python .ci/release_version.py check "$(VERSION)"
	$(ON_PATH) $(BIN)/mike deploy --update-aliases "$(VERSION)" $(if $(ALIAS),"$(ALIAS)")
	$(if $(filter latest,$(ALIAS)),$(ON_PATH) $(BIN)/mike set-default latest)

versions-list: $(STAMP) ## List the versions on gh-pages and their aliases
	$(ON_PATH) $(BIN)/mike list

versions-serve: $(STAMP) ## Serve gh-pages with its version selector on http://127.0.0.1:8000
	$(ON_PATH) $(BIN)/mike serve --dev-addr $(HOST):$(PORT)

# The workflow checks the tag first and pushes in `.ci/deploy-docs.sh push` (the token's step).
publish: $(STAMP) $(RUNTIME) ## (publish workflow) Commit the site as VERSION to the local gh-pages; latest if highest
	$(ON_PATH) .ci/deploy-docs.sh build "$(VERSION)"

clean: ## Remove the environments, the built site, the runtime and caches
	rm -rf .venv .venv-* site site-zensical .cache .pytest_cache .ruff_cache artifacts node_modules
	rm -rf docs/assets/run/pyodide docs/assets/run/checked_examples.zip docs/assets/run/environment.json
