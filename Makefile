# Asyncio by Example. `make help` lists the targets.
# Every target that runs a tool first makes .venv from requirements.txt
# (hash-checked), so a fresh clone needs only Python >= 3.11, git and make.

PYTHON ?= python3
# Another interpreter gets its own environment: make test PYTHON=python3.13 VENV=.venv-3.13
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-from-lock
# For tools that start other tools by name (pre-commit starts ruff, mike starts mkdocs).
ON_PATH = PATH="$(abspath $(BIN)):$$PATH"
HOST ?= 127.0.0.1
# npm, if installed: the browser suite's axe-core and make bench-site's Lighthouse.
NPM := $(shell command -v npm 2>/dev/null)
# One page's examples alone: make examples PAGE=timeouts (several: PAGE="timeouts queues")
PAGE ?=
PAGE_ARGS = $(foreach page,$(PAGE),--page $(page))
# Extra pytest arguments, e.g. make examples PYTEST_ARGS='-k gather -x'
PYTEST_ARGS ?=
# The examples mostly sleep, so their programs run side by side far past the core count
# (tests/example_harness/schedule.py): the suite takes about as long as its longest
# example (make bench).
EXAMPLES_AT_ONCE ?= 16
# make flake-hunt: how many runs, and whether a busy process keeps one core loaded.
RUNS ?= 10
BUSY ?= no
PORT ?= 8000
# `make test`, `make flake-hunt` and `make bench` also run the examples on every other
# Python >= 3.11 found here, in the same pytest run (tests/run_on_every_python.py finds
# them and makes each its .venv-3.X). CI says no: its matrix gives each version a job.
EVERY_PYTHON ?= yes
# The pytest arguments that add those Pythons (nothing when there are none, or with no).
ALSO_PYTHON = $(if $(filter yes,$(EVERY_PYTHON)),$$($(BIN)/python tests/run_on_every_python.py))
# The version and alias a deploy writes: make versions-deploy VERSION=0.2 ALIAS=latest
# (publish decides the alias itself: `latest` for the highest stable version only)
VERSION ?= dev
ALIAS ?=

# Hides mkdocs-material's banner about MkDocs 2.0 on every build.
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help serve test suite test-browser test-run-buttons browser-site docs examples examples-every-python \
	update-examples check-page flake-hunt lint check-github github-labels format lock bench bench-site compare-engines \
	versions-deploy versions-list versions-serve publish clean

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-22s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "error: $(PYTHON) is older than 3.11; run make PYTHON=python3.11 (or newer)"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.txt
	@# A package the lock no longer lists would stay in a warm environment and hide what a
	@# fresh clone's lacks (an import that only a stale .venv satisfies).
	@$(BIN)/python -c "$$REMOVE_UNLOCKED"
	@# src/ on the environment's path, through a .pth file: mkdocs, zensical, pytest and the
	@# scripts all import the example format (src/checked_examples) as an installed package,
	@# with no build backend to download and nothing added to the hash-checked lock.
	$(BIN)/python -c 'import sys, sysconfig, pathlib; pathlib.Path(sysconfig.get_path("purelib"), "asyncio-by-example-src.pth").write_text(sys.argv[1] + "\n")' "$(CURDIR)/src"
	@touch $@

define REMOVE_UNLOCKED
import re, subprocess, sys
from importlib.metadata import distributions
def name(text): return re.sub(r"[-_.]+", "-", text).lower()
with open("requirements.txt", encoding="utf-8") as lock:
    locked = {name(m[1]) for m in re.finditer(r"^([A-Za-z0-9][\w.-]*)==", lock.read(), re.M)}
installed = {name(d.metadata["Name"]) for d in distributions()}
unlocked = sorted(installed - locked - {"pip", "setuptools", "wheel"})
if unlocked:
    print("removing what requirements.txt no longer lists:", *unlocked)
    subprocess.run([sys.executable, "-m", "pip", "uninstall", "--yes", "--quiet", *unlocked], check=True)
endef
export REMOVE_UNLOCKED

serve: $(STAMP) ## Build the site and serve it on http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --dev-addr $(HOST):$(PORT)

# Every step runs even when an earlier one fails, so that one red run shows every
# failure; the summary at the end names the steps that failed.
# The timed examples run alone: anything beside them would take the cores they are timed on.
# With EVERY_PYTHON=yes they run on every Python here at once, in one step.
EXAMPLES_STEP := $(if $(filter yes,$(EVERY_PYTHON)),examples-every-python,examples)
# No `docs` step: compare-engines starts with the same strict MkDocs build.
TEST_STEPS := lint compare-engines check-github $(EXAMPLES_STEP) suite test-browser

# The browser suite's site is deployed (two MkDocs builds, one core) beside the first
# steps, which leave the other core idle, and is ready before the timed examples start.
# node_modules/ first: the builds copy the Run button's runtime from it.
test: $(STAMP) $(if $(NPM),node_modules/.package-lock.json) ## Run every check: hooks, strict build, .github/, the examples on every Python, the suite, the browser
	@failed=""; summary=""; \
	export BROWSER_SITE_DIR=$$(mktemp -d); trap 'rm -rf "$$BROWSER_SITE_DIR"' EXIT; \
	$(MAKE) --no-print-directory browser-site > "$$BROWSER_SITE_DIR/deploy.log" 2>&1 & deploying=$$!; \
	for step in $(TEST_STEPS); do \
		if [ $$step = $(EXAMPLES_STEP) ] && ! wait $$deploying; then \
			echo; echo "The browser suite's site did not deploy; test-browser tries again:"; \
			cat "$$BROWSER_SITE_DIR/deploy.log"; \
		fi; \
		echo; echo "==> make $$step"; started=$$(date +%s); \
		if $(MAKE) --no-print-directory $$step; then result=passed; \
		else result=FAILED; failed="$$failed $$step"; fi; \
		summary="$$summary  $$step: $$result in $$(( $$(date +%s) - started )) s\n"; \
	done; \
	echo; echo "make test:"; printf "$$summary"; \
	if [ -n "$$failed" ]; then \
		echo "FAILED:$$failed (scroll up to '==> make <step>' for each one's output;"; \
		echo "one page's examples alone: make check-page PAGE=<page>)"; exit 1; \
	fi

suite: $(STAMP) ## The rest of the pytest suite: examples' lint, the harness's own tests, .github, deploys
	$(BIN)/pytest --ignore=tests/test_examples.py -n 4 --dist worksteal $(PYTEST_ARGS)

# The Run buttons' run: alone in its pytest process, since its lines are timed. test-browser
# starts it itself (not through make) so that it can stop it on Ctrl-C.
RUN_BUTTONS = $(BIN)/pytest tests/browser/test_run_button.py -p no:xdist

# Its own run, after the timed examples: a worker per core, each with its own server and
# Chromium, all sharing one deployed site (deployed once into BROWSER_SITE_DIR, by `make
# test` or else by the first run to need it).
# axe-core comes from package-lock.json, so it first runs `npm ci` where npm exists.
# Skips (loudly) without a Chromium or without axe-core, unless BROWSER_TESTS=required.
# The Run buttons' printed lines are timed, so their run (make test-run-buttons) starts
# first and has the processor first. The rest waits until their Python has loaded (seconds
# of processor work per tab), then runs beside their runs at the lowest priority: nice, and
# its Chromiums' sessions too (tests/browser/chromium.py). Their report comes at the end.
test-browser: $(STAMP) $(if $(NPM),node_modules/.package-lock.json) ## The built site in Chromium: pages, search, copy, axe, links, phone, Run buttons
	@status=0; made=""; \
	if [ -z "$$BROWSER_SITE_DIR" ]; then made=$$(mktemp -d); export BROWSER_SITE_DIR=$$made; fi; \
	loaded="$$BROWSER_SITE_DIR/run-buttons-loaded"; log="$$BROWSER_SITE_DIR/run-buttons.log"; \
	rm -f "$$loaded"; \
	echo "The Run buttons' run starts first (its report comes last); the rest, once their Python has loaded."; \
	RUN_BUTTONS_LOADED="$$loaded" $(RUN_BUTTONS) $(PYTEST_ARGS) > "$$log" 2>&1 & runs=$$!; \
	trap 'kill $$runs 2>/dev/null; if [ -n "$$made" ]; then rm -rf "$$made"; fi' EXIT; \
	trap 'exit 130' INT TERM; \
	while [ ! -e "$$loaded" ] && kill -0 $$runs 2>/dev/null; do sleep 0.2; done; \
	BROWSER_PRIORITY=lowest nice -n 19 $(BIN)/pytest tests/browser -n auto --dist loadgroup \
		--ignore=tests/browser/test_run_button.py $(PYTEST_ARGS) \
		|| status=1; \
	wait $$runs || status=1; \
	echo; echo "The Run buttons (make test-run-buttons), which ran first, then beside the above:"; \
	cat "$$log"; exit $$status

test-run-buttons: $(STAMP) $(if $(NPM),node_modules/.package-lock.json) ## Every Run button of the built site in Chromium, one browser alone (lines are timed)
	$(RUN_BUTTONS) $(PYTEST_ARGS)

# The two-version mike deployment the browser tests use, into BROWSER_SITE_DIR/gh-pages
# (tests/browser/deploy.py); `make test` runs it beside its first steps.
browser-site: $(STAMP) $(if $(NPM),node_modules/.package-lock.json)
	@test -n "$(BROWSER_SITE_DIR)" || { echo "usage: make browser-site BROWSER_SITE_DIR=<folder>"; exit 2; }
	cd tests && $(abspath $(BIN))/python -m browser.deploy "$(BROWSER_SITE_DIR)"

docs: $(STAMP) ## Build the site strictly into site/ (a warning fails the build)
	$(BIN)/mkdocs build --strict --clean --site-dir site

# Zensical reads mkdocs.yml too, ignoring its hooks: it renders the examples with the same
# Markdown extension code. Its site goes to site-zensical/ (SITE_DIR), and it reads the
# offline inventory that the MkDocs build compiled (a MkDocs hook does that; README,
# "Engine status"). Both builds are strict.
compare-engines: $(STAMP) ## make docs, then Zensical too (site-zensical/), and compare every example's HTML
	@echo "The strict MkDocs build (make docs):"
	env -u PYTHON_INVENTORY_URL $(BIN)/mkdocs build --strict --clean --site-dir site
	rm -rf site-zensical
	@# mkdocstrings keeps a downloaded inventory for a day by its address, so the compiled
	@# one is passed under a name that changes with its content: a name just added to
	@# docs/_support/python-inventory.txt resolves at once, not tomorrow.
	inventory=$$($(BIN)/python -c 'import hashlib, pathlib, shutil, sys; \
		source = pathlib.Path(sys.argv[1]); \
		named = source.with_name(f"python-objects-{hashlib.sha256(source.read_bytes()).hexdigest()[:16]}.inv"); \
		shutil.copyfile(source, named); print(named.resolve())' .cache/python-objects.inv) && \
	PYTHON_INVENTORY_URL="file://$$inventory" SITE_DIR=site-zensical \
		$(BIN)/zensical build --strict --config-file mkdocs.yml
	$(BIN)/python tests/compare_engines.py site site-zensical

examples: $(STAMP) ## Run every example on .venv's Python, timed, and nothing else; PAGE=timeouts: one page's
	$(BIN)/pytest tests/test_examples.py --examples-at-once $(EXAMPLES_AT_ONCE) $(PAGE_ARGS) $(PYTEST_ARGS)

check-page: $(STAMP) ## The quick check of one page (PAGE=name): its examples and their lint, the hooks, the build
	@test -n "$(PAGE)" || { echo "usage: make check-page PAGE=<page>, e.g. PAGE=timeouts"; exit 2; }
	$(BIN)/pytest tests/test_examples.py tests/test_example_lint.py $(PAGE_ARGS) $(PYTEST_ARGS)
	$(MAKE) --no-print-directory lint docs

flake-hunt: $(STAMP) ## Run the examples RUNS times (BUSY=yes: with one core kept busy); per-example failures and times
	@also=$(ALSO_PYTHON) && set -x && \
	$(BIN)/python tests/flake_hunt.py --runs $(RUNS) --busy $(BUSY) --examples-at-once $(EXAMPLES_AT_ONCE) $(PAGE_ARGS) $$also

examples-every-python: $(STAMP) ## Run the examples on this Python and every other >= 3.11 found here, in one timed run
	@also=$$($(BIN)/python tests/run_on_every_python.py) && set -x && \
	$(BIN)/pytest tests/test_examples.py --examples-at-once $(EXAMPLES_AT_ONCE) $$also $(PAGE_ARGS) $(PYTEST_ARGS)

update-examples: $(STAMP) ## Write every example's real output, from .venv's Python, into its page (PAGE=name: one page's)
	$(BIN)/pytest tests/test_examples.py::test_example_runs_as_the_page_says \
		tests/test_examples.py::test_every_example_file_is_on_a_page \
		--update-examples --examples-at-once $(EXAMPLES_AT_ONCE) $(PAGE_ARGS) $(PYTEST_ARGS)

# Every file git tracks or would track (new files too, before any `git add`).
# The diff after a failure helps in CI only: locally it is your own work in progress.
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

# Once, by a maintainer, when the repository exists (gh CLI, logged in).
github-labels: $(STAMP) ## Create the labels the issue forms use (.github/labels.yml) on GitHub, with gh
	$(BIN)/python -c "$$GITHUB_LABELS"

define GITHUB_LABELS
import subprocess, yaml
for label in yaml.safe_load(open(".github/labels.yml", encoding="utf-8")):
    subprocess.run(["gh", "label", "create", label["name"], "--color", str(label["color"]),
                    "--description", label["description"], "--force"], check=True)
endef
export GITHUB_LABELS

format: $(STAMP) ## Fix what ruff can fix by itself
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# pyproject.toml holds the list people edit; requirements.in is a copy of it, and
# requirements.txt the lock, in the pair Dependabot's `uv` ecosystem recompiles with the
# options written in the lock's header (--universal, --python-version, hashes), so its
# pull requests move the whole lock, not pyproject.toml alone. tests/test_lock.py fails
# when the two disagree with pyproject.toml.
# --exclude-newer: only releases at least 7 days old, like Dependabot's cooldown (a
# release gets a week to be found broken or malicious). A date computed here rather
# than uv's relative "7 days": the header then records the exact cut-off, so running
# its command again resolves the same lock.
LOCK_CUTOFF = $$($(BIN)/python -c 'import datetime as d; print(d.date.today() - d.timedelta(days=7))')
lock: $(STAMP) ## Regenerate requirements.in and requirements.txt from pyproject.toml (review the diff)
	$(BIN)/python -c "$$REQUIREMENTS_IN" > requirements.in
	$(BIN)/uv pip compile requirements.in --universal --python-version 3.11 --generate-hashes \
		--exclude-newer "$(LOCK_CUTOFF)" --quiet --output-file requirements.txt

define REQUIREMENTS_IN
import tomllib
print("# Written by `make lock` from pyproject.toml's dependencies: edit those, not this.")
for requirement in tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]:
    print(requirement)
endef
export REQUIREMENTS_IN

bench: $(STAMP) ## Time the example suite (on every Python here, as make test runs it) against its longest example
	@also=$(ALSO_PYTHON) && set -x && \
	$(BIN)/python tests/benchmarks/example_suite_wall_time.py --examples-at-once $(EXAMPLES_AT_ONCE) $$also

versions-deploy: $(STAMP) ## Commit the site as VERSION (ALIAS=latest moves latest) to the local gh-pages; no push
	@$(BIN)/python .ci/release_version.py check "$(VERSION)"
	$(ON_PATH) $(BIN)/mike deploy --update-aliases "$(VERSION)" $(if $(ALIAS),"$(ALIAS)")
	$(if $(filter latest,$(ALIAS)),$(ON_PATH) $(BIN)/mike set-default latest)

versions-list: $(STAMP) ## List the versions on gh-pages and their aliases
	$(ON_PATH) $(BIN)/mike list

versions-serve: $(STAMP) ## Serve gh-pages with its version selector on http://127.0.0.1:8000
	$(ON_PATH) $(BIN)/mike serve --dev-addr $(HOST):$(PORT)

# The publish workflow validates the tag (.ci/release_version.py) before it runs this,
# and pushes with `.ci/deploy-docs.sh push`, the one step that holds the write token.
publish: $(STAMP) ## (publish workflow) Commit the site as VERSION to the local gh-pages; latest if highest
	$(ON_PATH) .ci/deploy-docs.sh build "$(VERSION)"

bench-site: $(STAMP) node_modules/.package-lock.json ## Lighthouse on our pages vs default Material
	cd tests && $(abspath $(BIN))/python -m benchmarks.site_lighthouse

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund

clean: ## Remove the environments, the built site and caches
	rm -rf .venv .venv-* site site-zensical .cache .pytest_cache .ruff_cache artifacts node_modules
