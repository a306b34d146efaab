"""A versioned site as readers get it: `mike deploy` into a throwaway git repository.

Material's version selector reads versions.json one level above the site, which
only a mike deployment has. The project is copied first, so the build writes
nothing into the work tree and deploys exactly what is on disk, committed or not.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from filelock import FileLock

from ..paths import ROOT

OLD, NEW, ALIAS = "0.1", "0.2", "latest"
_NOT_SOURCES = shutil.ignore_patterns(
    ".git", ".venv*", "site", ".cache", "node_modules", "*_cache", "__pycache__", "artifacts"
)


def copy_project(to: Path) -> Path:
    """The project's sources as they are on disk, without environments, builds or caches."""
    shutil.copytree(ROOT, to, ignore=_NOT_SOURCES)
    if (ROOT / "node_modules").is_dir():  # the Run button's runtime, copied in by the build
        (to / "node_modules").symlink_to(ROOT / "node_modules")
    return to


def deploy_once(folder: Path) -> Path:
    """The deployment in `folder`/gh-pages, made by whichever process asks first (an
    xdist worker, or `make test` while its untimed steps run); the others wait for it,
    as pytest-xdist's documentation shows. It is renamed into place only once whole, so
    nobody sees half of it."""
    out = folder / "gh-pages"
    with FileLock(folder / "gh-pages.lock"):
        if not out.is_dir():
            deploy(folder / "gh-pages.partial").rename(out)
    return out


def deploy(out: Path) -> Path:
    """Deploy the site as versions OLD and NEW (alias ALIAS, the default) and unpack
    the gh-pages branch into `out`; returns `out`."""
    scratch = Path(tempfile.mkdtemp(prefix="mike-"))
    try:
        project = copy_project(scratch / "project")
        env = {
            **os.environ,
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
            "NO_MKDOCS_2_WARNING": "1",
            # mike commits; a fresh CI machine has no git identity.
            "GIT_AUTHOR_NAME": "site tests",
            "GIT_AUTHOR_EMAIL": "site-tests@localhost",
            "GIT_COMMITTER_NAME": "site tests",
            "GIT_COMMITTER_EMAIL": "site-tests@localhost",
        }

        def run(*args: str) -> None:
            done = subprocess.run(args, cwd=project, env=env, capture_output=True, text=True)
            if done.returncode:
                raise RuntimeError(f"{' '.join(args)} failed:\n{done.stdout}{done.stderr}")

        run("git", "init", "--quiet")
        run("git", "commit", "--quiet", "--allow-empty", "--message", "site tests")
        run("mike", "deploy", OLD)
        run("mike", "deploy", NEW, ALIAS)  # alias type from mkdocs.yml, as in production
        run("mike", "set-default", ALIAS)
        archive = scratch / "gh-pages.tar"
        run("git", "archive", "--output", str(archive), "gh-pages")
        out.mkdir(parents=True, exist_ok=True)
        with tarfile.open(archive) as tar:
            # The safe "data" filter exists from 3.11.4 on; the archive is our own.
            safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
            tar.extractall(out, **safe)
        return out
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    """Deploy the browser suite's site into the folder given (make test does it beside
    its first steps)."""
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print("usage: python -m checked_examples browser-site <folder>")
        return 2
    deploy_once(Path(argv[0]))
    return 0
