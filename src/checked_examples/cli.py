"""`python -m checked_examples COMMAND [ARGS]`: the project's tools, on one command line.

The Makefile's recipes are one-line calls of these; what used to be shell programs inside
the Makefile (the test run's steps, the browser suite's two runs, the lock's input) is
here, in Python, where it can be read and tested. `python -m checked_examples --help`
lists the commands; `COMMAND --help` says more where a command takes options.
"""

from __future__ import annotations

import datetime
import hashlib
import importlib
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
import tomllib
from importlib.metadata import distributions
from pathlib import Path

from .paths import ROOT


def runtime(argv: list[str]) -> int:
    """Put the Run button's runtime, the code editor and the exercises' downloadable
    checkers among the site's files (docs/assets/run/)."""
    from . import checker, editor, runtime

    why_not = runtime.install()
    if why_not:
        print(f"No Run buttons in this build: {why_not}")
    elif problem := editor.bundle(runtime.TARGET):
        print(f"No code editor in this build (its text boxes stay plain): {problem}")
    # The exercises a browser cannot run are checked on the reader's machine.
    checker.install()
    return 0


def setup_env(argv: list[str]) -> int:
    """Finish an environment made from requirements.txt: src/ on its path, nothing unlocked.

    src/ goes on the path through a .pth file, so mkdocs, zensical, pytest and these tools
    import this package as installed, with no build backend to download. A package the lock
    no longer lists would stay in a warm environment and hide what a fresh clone lacks.
    """
    Path(sysconfig.get_path("purelib"), "asyncio-by-example-src.pth").write_text(
        f"{ROOT / 'src'}\n", encoding="utf-8"
    )
    locked = {
        _name(match[1])
        for match in re.finditer(
            r"^([A-Za-z0-9][\w.-]*)==", (ROOT / "requirements.txt").read_text(), re.M
        )
    }
    installed = {_name(d.metadata["Name"]) for d in distributions()}
    unlocked = sorted(installed - locked - {"pip", "setuptools", "wheel"})
    if unlocked:
        print("removing what requirements.txt no longer lists:", *unlocked)
        pip = [sys.executable, "-m", "pip", "uninstall", "--yes", "--quiet", *unlocked]
        subprocess.run(pip, check=True)
    return 0


def _name(text: str) -> str:
    return re.sub(r"[-_.]+", "-", text).lower()


def lock(argv: list[str]) -> int:
    """Write requirements.in from pyproject.toml's dependencies, and lock it into
    requirements.txt.

    pyproject.toml holds the list people edit; requirements.in is a copy of it, and
    requirements.txt the lock, in the pair Dependabot's `uv` ecosystem recompiles with the
    options written in the lock's header (--universal, --python-version, hashes), so its
    pull requests move the whole lock (tests/test_lock.py fails when the three disagree).
    Only releases at least 7 days old, like Dependabot's cooldown (a release gets a week
    to be found broken or malicious), given as a date rather than uv's relative "7 days":
    the header then records the exact cut-off, and its command resolves the same lock.
    """
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    lines = ["# Written by `make lock` from pyproject.toml's dependencies: edit those, not this."]
    (ROOT / "requirements.in").write_text(
        "\n".join([*lines, *project["project"]["dependencies"]]) + "\n"
    )
    cutoff = datetime.date.today() - datetime.timedelta(days=7)
    uv = [str(Path(sys.executable).with_name("uv")), "pip", "compile", "requirements.in"]
    uv += ["--universal", "--python-version", "3.11", "--generate-hashes"]
    uv += ["--exclude-newer", str(cutoff), "--quiet", "--output-file", "requirements.txt"]
    return subprocess.run(uv, cwd=ROOT).returncode


def inventory(argv: list[str]) -> int:
    """Print a file URL of the offline Python inventory that the MkDocs build compiled, under
    a name that changes with its content: mkdocstrings keeps an inventory for a day by its
    address, so a name just added to python-inventory.txt resolves at once (Zensical)."""
    compiled = ROOT / ".cache" / "python-objects.inv"
    if not compiled.is_file():
        print(f"{compiled} is missing: build with MkDocs first (make docs)", file=sys.stderr)
        return 1
    digest = hashlib.sha256(compiled.read_bytes()).hexdigest()[:16]
    named = compiled.with_name(f"python-objects-{digest}.inv")
    shutil.copyfile(compiled, named)
    print(named.resolve().as_uri())
    return 0


def github_labels(argv: list[str]) -> int:
    """Create the labels the issue forms use (.github/labels.yml) on GitHub, with gh."""
    import yaml

    labels = yaml.safe_load((ROOT / ".github" / "labels.yml").read_text(encoding="utf-8"))
    for label in labels:
        command = ["gh", "label", "create", label["name"], "--color", str(label["color"])]
        subprocess.run([*command, "--description", label["description"], "--force"], check=True)
    return 0


def test(argv: list[str]) -> int:
    """Run `make STEP` for each step given, every one even after a failure, with the browser
    suite's site deployed beside the first steps; then a summary. `--wait-before STEP`: the
    step that must not start before the deployment ends (the timed examples: two builds
    beside them would take the cores they are timed on).

    Each step's line also says how busy the machine's processors were: `make test` is
    mostly processor work, and the total says how long that work needs at the least on
    this machine, however its steps are arranged (issue 27 weighs its time by it)."""
    import psutil

    from .run.machine import sample

    wait_before = None
    if argv[:1] == ["--wait-before"]:
        wait_before, argv = argv[1], argv[2:]
    results = []
    with tempfile.TemporaryDirectory() as site_dir:
        env = {**os.environ, "BROWSER_SITE_DIR": site_dir}
        log = Path(site_dir, "deploy.log")
        with log.open("w") as output:
            deploying = subprocess.Popen(
                ["make", "--no-print-directory", "browser-site"],
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        try:
            for step in argv:
                if step == wait_before and deploying.wait() != 0:
                    print("\nThe browser suite's site did not deploy; test-browser tries again:")
                    print(log.read_text(), end="")
                print(f"\n==> make {step}", flush=True)
                started, busy = time.monotonic(), sample().machine_busy
                code = subprocess.run(["make", "--no-print-directory", step], env=env).returncode
                seconds = time.monotonic() - started
                results.append((step, code == 0, seconds, sample().machine_busy - busy))
        finally:
            if deploying.poll() is None:
                deploying.kill()
                deploying.wait()
    # System-wide counts cover every processor, whatever this process's affinity.
    cores = psutil.cpu_count() or 1
    print(f"\nmake test (busy: how many of the machine's {cores} processors, ours or not):")
    for step, passed, seconds, busy in results:
        verdict = "passed" if passed else "FAILED"
        print(f"  {step}: {verdict} in {seconds:.0f} s, {busy / max(seconds, 1):.1f} busy")
    busy = sum(result[3] for result in results)
    print(
        f"  in all: {sum(result[2] for result in results):.0f} s, with {busy:.0f} s of processor "
        f"time, which {cores} processors need {busy / cores:.0f} s for at the least"
    )
    failed = [step for step, passed, *_ in results if not passed]
    if failed:
        print(f"FAILED: {' '.join(failed)} (scroll up to '==> make <step>' for each one's output;")
        print("one page's examples alone: make check-page PAGE=<page>)")
        return 1
    return 0


def test_browser(argv: list[str]) -> int:
    """The browser suite: the Run buttons' run first and alone in its pytest process (their
    lines are timed); once their Python has loaded (seconds of processor work per tab), the
    rest beside it at the lowest priority (nice, and its Chromiums too), a worker per core.
    The Run buttons' report comes last. ARGS go to both pytest runs."""
    pytest = [sys.executable, "-m", "pytest"]
    with tempfile.TemporaryDirectory() as made:
        site_dir = os.environ.get("BROWSER_SITE_DIR") or made
        loaded = Path(made, "run-buttons-loaded")
        log = Path(made, "run-buttons.log")
        env = {**os.environ, "BROWSER_SITE_DIR": site_dir}
        print("The Run buttons' run starts first (its report comes last); the rest, once their")
        print("Python has loaded.", flush=True)
        with log.open("w") as output:
            runs = subprocess.Popen(
                [*pytest, "tests/browser/test_run_button.py", "-p", "no:xdist", *argv],
                env={**env, "RUN_BUTTONS_LOADED": str(loaded)},
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        try:
            while not loaded.exists() and runs.poll() is None:
                time.sleep(0.2)
            rest = [*pytest, "tests/browser", "-n", "auto", "--dist", "loadgroup"]
            rest += ["--ignore=tests/browser/test_run_button.py", *argv]
            status = subprocess.run(
                ["nice", "-n", "19", *rest], env={**env, "BROWSER_PRIORITY": "lowest"}
            ).returncode
            status = runs.wait() or status
        finally:
            if runs.poll() is None:
                runs.kill()
                runs.wait()
        print("\nThe Run buttons (make test-run-buttons), which ran first, then beside the above:")
        print(log.read_text(), end="")
    return 1 if status else 0


# name: (function, or the tools/ module whose main() takes the arguments; what it does)
COMMANDS = {
    "setup-env": (setup_env, None),
    "runtime": (runtime, None),
    "test": (test, None),
    "test-browser": (test_browser, None),
    "every-python": ("every_python", "print --also-python for every other Python >= 3.11 here"),
    "flake-hunt": ("flake_hunt", "run the examples many times; failures and times per example"),
    "compare-engines": ("compare_engines", "compare the examples' HTML of two built sites"),
    "browser-site": ("browser_site", None),
    "check-pyodide": ("check_pyodide", "run every browser example under Node, judged"),
    "search-ranks": ("search_ranks", None),
    "bench": ("bench_suite", "time the example suite against its longest example"),
    "bench-site": ("bench_site", "Lighthouse on the site's pages against default Material"),
    "bench-run-button": ("bench_run_button", "time a Run button's first and later runs"),
    "inventory": (inventory, None),
    "lock": (lock, None),
    "github-labels": (github_labels, None),
}


def _summary(name: str) -> str:
    target, said = COMMANDS[name]
    if said:
        return said
    doc = target.__doc__ if callable(target) else _tool(name).main.__doc__
    return " ".join((doc or "").split("\n\n")[0].split())


def _tool(name: str):
    return importlib.import_module(f".tools.{COMMANDS[name][0]}", __package__)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] in ("-h", "--help") or argv[0] not in COMMANDS:
        print(__doc__)
        for name in COMMANDS:
            print(f"  {name:18} {_summary(name)}")
        if argv and argv[0] not in ("-h", "--help"):
            print(f"\nunknown command {argv[0]!r}")
            return 2
        return 0
    target, _ = COMMANDS[argv[0]]
    if callable(target):
        return target(argv[1:])
    return _tool(argv[0]).main(argv[1:])
