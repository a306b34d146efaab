"""The rules .github/ must keep that no schema states.

`make check-github` validates the files against GitHub's schemas and audits
them with zizmor; these tests hold the project's own rules (pull requests
cannot write, one job can, every action pinned with its version), and check
that zizmor really reads the workflows: pointed at nothing, it reports nothing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))
ZIZMOR = Path(sys.executable).parent / "zizmor"
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$")


def load(path: Path) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1).
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    workflow["on"] = workflow.pop(True, workflow.get("on"))
    return workflow


def triggers(workflow: dict) -> set[str]:
    on = workflow["on"]
    return {on} if isinstance(on, str) else set(on)


def writes(permissions: object) -> bool:
    if permissions is None:
        return True  # unset means the repository's default, which may be write
    if isinstance(permissions, str):
        return permissions != "read-all"
    return any(level == "write" for level in permissions.values())


def test_there_are_workflows_to_check() -> None:
    assert {path.name for path in WORKFLOWS} >= {"check.yml", "publish.yml"}


def test_pull_requests_run_without_write_permission_or_secrets() -> None:
    for path in WORKFLOWS:
        workflow = load(path)
        events = triggers(workflow)
        assert "pull_request_target" not in events, f"{path.name}: pull_request_target"
        if "pull_request" not in events:
            continue
        assert workflow.get("permissions") == {}, f"{path.name}: set `permissions: {{}}`"
        for name, job in workflow["jobs"].items():
            assert not writes(job.get("permissions")), f"{path.name}: job {name} can write"
        assert "secrets." not in path.read_text(encoding="utf-8"), f"{path.name} uses secrets"


def test_only_the_publish_job_writes_and_only_on_pushes() -> None:
    writers = []
    for path in WORKFLOWS:
        workflow = load(path)
        assert workflow.get("permissions") == {}, f"{path.name}: default permissions to none"
        for name, job in workflow["jobs"].items():
            if writes(job.get("permissions")):
                writers.append((path.name, name, triggers(workflow)))
    assert writers == [("publish.yml", "publish", {"push"})]
    publish = load(ROOT / ".github/workflows/publish.yml")
    assert publish["jobs"]["publish"]["permissions"] == {"contents": "write"}
    assert publish["concurrency"]["cancel-in-progress"] is False


def test_every_action_is_pinned_to_a_commit_with_its_version() -> None:
    uses = [
        (path.name, line.split("uses:", 1)[1].strip())
        for path in WORKFLOWS
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip().removeprefix("- ").startswith("uses:")
    ]
    assert uses, "no `uses:` lines found: has the workflow format changed?"
    loose = [f"{name}: {ref}" for name, ref in uses if not PINNED.match(ref)]
    assert not loose, "pin to a full commit SHA with `# vX.Y.Z`:\n" + "\n".join(loose)


def zizmor(target: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ZIZMOR), "--offline", "--no-progress", "--persona=pedantic", str(target)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_zizmor_reads_every_workflow() -> None:
    result = zizmor(ROOT / ".github")
    assert result.returncode == 0, result.stdout + result.stderr
    unread = [path.name for path in WORKFLOWS if f"completed {path}" not in result.stderr]
    assert not unread, f"zizmor did not audit {unread}:\n{result.stderr}"


def test_zizmor_fails_on_a_planted_fault(tmp_path: Path) -> None:
    copy = tmp_path / ".github"
    shutil.copytree(ROOT / ".github", copy)
    check = copy / "workflows/check.yml"
    text = check.read_text(encoding="utf-8")
    check.write_text(re.sub(r"actions/checkout@\S+ # \S+", "actions/checkout@v7", text))
    result = zizmor(copy)
    assert result.returncode != 0
    assert "unpinned-uses" in result.stdout
