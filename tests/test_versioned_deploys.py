"""Publishing with mike, against a bare git repository standing in for GitHub.

The test releases the site the way the publish workflow does: each deploy runs
.ci/deploy-docs.sh in a fresh shallow, single-branch clone of main, which is what
actions/checkout gives CI: `build` (what `make publish` runs, with no credentials),
then `push` (the one step given the write token). It then reads the gh-pages branch
that the stand-in remote received, as GitHub Pages would serve it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checked_examples.paths import ROOT

# What a site build reads, and the deploy scripts; the rest plays no part in a deploy.
SITE_SOURCES = ["mkdocs.yml", "CONTRIBUTING.md", "docs", "examples", "src", ".ci"]
SITE_URL = "https://asyncio-by-example.github.io/asyncio-by-example/"


class Remote:
    """A bare repository, and clones of it that deploy like CI."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.bare = base / "origin.git"
        self.env = {
            **os.environ,
            # mike and mkdocs from this test's own environment, as `make publish` arranges.
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
            "GIT_CONFIG_GLOBAL": os.devnull,  # nobody's own git settings
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "publish test",
            "GIT_AUTHOR_EMAIL": "publish-test@example.invalid",
            "GIT_COMMITTER_NAME": "publish test",
            "GIT_COMMITTER_EMAIL": "publish-test@example.invalid",
            "SITE_URL": SITE_URL,
            # Two builds of the same sources are then byte-identical (sitemap dates).
            "SOURCE_DATE_EPOCH": "1767225600",
            "NO_MKDOCS_2_WARNING": "1",
        }
        for variable in ("REPO_URL", "PYTHON_INVENTORY_URL", "MIKE_DOCS_VERSION"):
            self.env.pop(variable, None)
        self.clones = 0

    def git(self, *args: str, cwd: Path | None = None) -> str:
        result = subprocess.run(
            ["git", *args], cwd=cwd or self.bare, env=self.env, capture_output=True, text=True
        )
        assert result.returncode == 0, f"git {' '.join(args)}:\n{result.stderr}"
        return result.stdout

    def create_with_main(self, sources: list[str] = SITE_SOURCES) -> Path:
        """The bare remote, and a maintainer's clone whose main holds `sources` (by default
        the site's)."""
        self.git("init", "--bare", "--initial-branch=main", str(self.bare), cwd=self.base)
        work = self.base / "maintainer"
        work.mkdir()
        for name in sources:
            source, target = ROOT / name, work / name
            if source.is_dir():
                shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target)
        self.git("init", "--initial-branch=main", cwd=work)
        self.git("add", ".", cwd=work)
        self.git("commit", "-q", "-m", "the site", cwd=work)
        self.git("remote", "add", "origin", str(self.bare), cwd=work)
        self.git("push", "-q", "origin", "main", cwd=work)
        return work

    def fresh_clone(self) -> Path:
        self.clones += 1
        clone = self.base / f"ci-{self.clones}"
        self.git(
            "clone", "-q", "--depth=1", "--single-branch", "--branch=main",
            f"file://{self.bare}", str(clone), cwd=self.base,
        )  # fmt: skip
        refs = self.git("for-each-ref", "--format=%(refname)", cwd=clone).split()
        assert not [ref for ref in refs if "gh-pages" in ref], refs  # as CI has it
        assert self.git("rev-parse", "--is-shallow-repository", cwd=clone).strip() == "true"
        return clone

    def script(self, clone: Path, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["bash", ".ci/deploy-docs.sh", *args],
            cwd=clone, env=self.env, capture_output=True, text=True, timeout=300,
        )  # fmt: skip

    def deploy_like_ci(self, version: str) -> None:
        """A fresh shallow single-branch clone of main runs the publish workflow's steps."""
        clone = self.fresh_clone()
        before = self.branches()
        built = self.script(clone, "build", version)
        assert built.returncode == 0, f"build {version}:\n{built.stdout}\n{built.stderr}"
        assert self.branches() == before, "the build step pushed: it must not hold the token"
        pushed = self.script(clone, "push")
        assert pushed.returncode == 0, f"push {version}:\n{pushed.stdout}\n{pushed.stderr}"

    def branches(self) -> str:
        return self.git("for-each-ref", "--format=%(refname) %(objectname)")

    def tip(self) -> str:
        return self.git("rev-parse", "gh-pages").strip()

    def tree_of(self, path: str) -> str:
        """The tree's hash: equal hashes mean byte-for-byte equal content."""
        return self.git("rev-parse", f"gh-pages:{path}").strip()

    def show(self, path: str) -> str:
        return self.git("show", f"gh-pages:{path}")

    def versions(self) -> list[tuple[str, list[str]]]:
        return [(v["version"], v["aliases"]) for v in json.loads(self.show("versions.json"))]


def redirect_target(html: str) -> str:
    """Where a mike redirect page sends the reader (with or without JavaScript)."""
    script = re.search(r'window\.location\.replace\(\s*"([^"]+)"', html)
    refresh = re.search(r'http-equiv="refresh" content="\d+; url=([^"]+)"', html)
    assert script, f"not a redirect page:\n{html[:600]}"
    assert refresh, f"no redirect without JavaScript:\n{html[:600]}"
    assert script[1] == refresh[1]
    return script[1]


@pytest.fixture
def remote(tmp_path: Path) -> Remote:
    if shutil.which("git") is None:
        pytest.fail("git is not on PATH; the project needs it (see README)", pytrace=False)
    return Remote(tmp_path)


@pytest.mark.long  # five builds of the site
def test_releases_stack_up_on_gh_pages_like_github_would_serve_them(remote: Remote) -> None:
    work = remote.create_with_main()

    remote.deploy_like_ci("0.1")
    first_release = remote.tree_of("0.1")
    assert remote.versions() == [("0.1", ["latest"])]
    assert redirect_target(remote.show("index.html")) == "latest/"
    assert remote.tree_of("latest") == first_release, "latest is not a copy of 0.1"

    # 0.2 must differ from 0.1, or a 0.2 written over 0.1 would go unnoticed.
    index = work / "docs/index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\nNew in 0.2.\n", encoding="utf-8")
    remote.git("commit", "-q", "-am", "what 0.2 adds", cwd=work)
    remote.git("push", "-q", "origin", "main", cwd=work)
    before = remote.tip()
    remote.deploy_like_ci("0.2")
    assert remote.git("merge-base", "--is-ancestor", before, "gh-pages") == ""
    assert "New in 0.2." in remote.show("0.2/index.html")
    assert "New in 0.2." not in remote.show("0.1/index.html")
    assert remote.tree_of("latest") == remote.tree_of("0.2"), "latest did not move to 0.2"

    before = remote.tip()
    remote.deploy_like_ci("dev")
    # Each deploy from a shallow clone added commits on top of the published history.
    assert remote.git("merge-base", "--is-ancestor", before, "gh-pages") == ""
    # 0.1, the root's redirect to latest, 0.2, dev: nothing was replaced or squashed.
    assert int(remote.git("rev-list", "--count", "gh-pages")) == 4

    assert remote.tree_of("0.1") == first_release, "0.1 changed after later deploys"
    assert remote.versions() == [("dev", []), ("0.2", ["latest"]), ("0.1", [])]
    assert redirect_target(remote.show("index.html")) == "latest/"
    files = remote.git("ls-tree", "-r", "gh-pages").splitlines()
    symlinks = [line for line in files if line.startswith("120000")]
    assert not symlinks, f"GitHub Pages refuses symlinks: {symlinks}"
    page = remote.show("0.2/first-coroutine/index.html")
    assert f'<link rel="canonical" href="{SITE_URL}latest/first-coroutine/">' in page
    # Material's version selector, which builds outside mike leave out (hooks.py).
    assert '"version": {"provider": "mike"}' in page

    # Publishing the same sources again changes nothing and pushes nothing.
    before = remote.tip()
    remote.deploy_like_ci("dev")
    assert remote.tip() == before
    assert remote.versions() == [("dev", []), ("0.2", ["latest"]), ("0.1", [])]

    # Only the highest stable version moves latest: a patch of the older line deploys
    # under its own number, and latest stays a copy of 0.2. Only the published
    # versions.json tells 0.1.1 from a first release, which would take latest: this is
    # the deploy that shows the script hands it to release_version.py. (Which versions
    # move latest, pre-releases included, is tested case by case below, without a
    # build each.)
    remote.deploy_like_ci("0.1.1")
    assert remote.versions() == [("dev", []), ("0.2", ["latest"]), ("0.1.1", []), ("0.1", [])]
    assert remote.tree_of("latest") == remote.tree_of("0.2"), "latest left 0.2"
    assert redirect_target(remote.show("index.html")) == "latest/"


@pytest.mark.parametrize("version", ["1;touch pwned", "1.2.3$(touch pwned)", "latest", ""])
def test_a_version_that_is_not_one_is_refused_before_use(remote: Remote, version: str) -> None:
    # The deploy scripts alone: a refused version must stop the script before it reads,
    # fetches or builds anything (copying the whole site cost a second a case).
    remote.create_with_main([".ci"])
    clone = remote.fresh_clone()
    result = remote.script(clone, "build", version)
    assert result.returncode != 0
    assert f"error: {version!r} is neither dev nor a version" in result.stderr, result.stderr
    assert "nothing was deployed" in result.stderr
    assert not (clone / "pwned").exists(), "the version ran as a command"
    assert remote.git("for-each-ref", "--format=%(refname)") == "refs/heads/main\n"


def release_version(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """.ci/release_version.py as the workflow and deploy-docs.sh run it."""
    script = ROOT / ".ci/release_version.py"
    return subprocess.run(
        [sys.executable, str(script), *args], input=stdin, capture_output=True, text=True
    )


@pytest.mark.parametrize(
    "tag",
    ["v1;cmd", "v1.2.3$(x)", "v1.2`x`", "v1.2\nv1.3", "v1.2 ", "1.2", "v1", "v1.2.3.4",
     "v01.2", "v1.2-rc1", "v1.2.post1", "vv1.2", "v1.2rc", "latest"],
)  # fmt: skip
def test_a_tag_that_is_not_a_version_is_refused_before_use(tag: str) -> None:
    result = release_version("ref", "tag", tag)
    assert result.returncode == 1
    assert result.stdout == "", "a refused tag must give the workflow no version to use"
    assert f"error: tag {tag!r} is not a version tag such as v1.2" in result.stderr


@pytest.mark.parametrize(
    ("ref_type", "name", "version"),
    [("tag", "v1.2", "1.2"), ("tag", "v1.2.3", "1.2.3"), ("tag", "v1.3rc1", "1.3rc1"),
     ("tag", "v0.10", "0.10"), ("branch", "main", "dev")],
)  # fmt: skip
def test_each_ref_deploys_as_its_version(ref_type: str, name: str, version: str) -> None:
    result = release_version("ref", ref_type, name)
    assert (result.returncode, result.stdout) == (0, f"{version}\n"), result.stderr


def test_only_main_and_tags_are_published() -> None:
    result = release_version("ref", "branch", "feature")
    assert result.returncode == 1
    assert "only main and version tags are published" in result.stderr


@pytest.mark.parametrize(
    ("version", "published", "moves_latest"),
    [
        ("0.1", [], True),  # the first release
        ("0.2", ["0.1"], True),
        ("0.1.1", ["0.2", "0.1"], False),  # a patch of an older line
        ("0.10", ["0.9"], True),  # numbers, not text: 10 > 9
        ("1.0rc1", ["0.9"], False),  # a pre-release never
        ("1.0", ["1.0rc1", "0.9"], True),
        ("0.3", ["0.4rc1", "0.2"], True),  # a newer pre-release does not hold it back
        ("0.2", ["dev", "0.2", "0.1"], True),  # redeploying the highest keeps it
        ("dev", ["0.1"], False),
    ],
)
def test_only_the_highest_stable_version_takes_latest(
    version: str, published: list[str], moves_latest: bool
) -> None:
    versions_json = json.dumps([{"version": v, "title": v, "aliases": []} for v in published])
    result = release_version("alias", version, stdin=versions_json if published else "")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ("latest\n" if moves_latest else "\n")
