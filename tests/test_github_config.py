"""The rules .github/ must keep that no schema states.

`make check-github` validates the files against GitHub's schemas and audits
them with zizmor; these tests hold the project's own rules (pull requests
cannot write, one job can and only after the checks, only its push step holds
the token, every action pinned with its version, the browser tests required on
Linux), and check that zizmor really reads the workflows: pointed at nothing, it
reports nothing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from checked_examples.paths import ROOT

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))
ZIZMOR = Path(sys.executable).parent / "zizmor"
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$")
# This repository's own workflows, at the running commit: nothing to pin.
SELF = re.compile(r"^\$/\.github/workflows/[\w.-]+\.yml$")
TOKEN = re.compile(r"github\.token|secrets\.")


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
    assert writers == [("publish.yml", "publish", {"push", "workflow_dispatch"})]
    publish = load(ROOT / ".github/workflows/publish.yml")
    assert publish["jobs"]["publish"]["permissions"] == {"contents": "write"}


def test_every_deploy_waits_its_turn_and_none_is_dropped() -> None:
    concurrency = load(ROOT / ".github/workflows/publish.yml")["jobs"]["publish"]["concurrency"]
    # One group: deploys commit to gh-pages one after the other. `queue: max` keeps every
    # pending run; the default keeps one, so a third run would drop a queued tag's deploy.
    assert isinstance(concurrency["group"], str), "one fixed group for every deploy"
    assert "${{" not in concurrency["group"], "one fixed group for every deploy"
    assert concurrency["cancel-in-progress"] is False
    assert concurrency["queue"] == "max"


def test_only_what_passed_the_checks_is_published() -> None:
    jobs = load(ROOT / ".github/workflows/publish.yml")["jobs"]
    needs = jobs["publish"]["needs"]
    gates = [needs] if isinstance(needs, str) else needs
    assert [jobs[gate].get("uses") for gate in gates] == ["$/.github/workflows/check.yml"]
    assert "workflow_call" in triggers(load(ROOT / ".github/workflows/check.yml"))


def steps_of(workflow: str, job: str) -> list[dict]:
    return load(ROOT / ".github/workflows" / workflow)["jobs"][job]["steps"]


def test_the_token_reaches_the_push_step_alone() -> None:
    publish = load(ROOT / ".github/workflows/publish.yml")
    job = publish["jobs"]["publish"]
    assert not TOKEN.search(str(job.get("env", {}))), "the token in the whole job's env"
    holders = [step for step in job["steps"] if TOKEN.search(str(step))]
    assert len(holders) == 1, f"the token reaches {len(holders)} steps, not one"
    push = holders[0]
    assert push is job["steps"][-1], "the push is the last step"
    # git alone while the token is there: nothing installed or built runs in this step.
    assert push["run"].rstrip().endswith(".ci/deploy-docs.sh push")
    for tool in ("make", "pip", "python", "mkdocs", "mike", "npm", "uses"):
        assert not re.search(rf"\b{tool}\b", push["run"] + str(push.get("uses", ""))), tool
    build = [step for step in job["steps"] if "make publish" in step.get("run", "")]
    assert len(build) == 1, "one step builds the site"
    assert job["steps"].index(build[0]) < job["steps"].index(push)
    checkout = [s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@")]
    assert checkout[0]["with"]["persist-credentials"] is False, "git config keeps the token"


def test_the_tag_is_checked_before_anything_uses_it() -> None:
    steps = steps_of("publish.yml", "publish")
    readers = [i for i, step in enumerate(steps) if "github.ref_name" in str(step)]
    assert len(readers) == 1, "one step reads the tag"
    (reader,) = readers
    assert ".ci/release_version.py ref" in steps[reader]["run"]
    assert "${{" not in steps[reader]["run"], "the tag goes in through env, never the script"
    assert all("make" not in str(step) for step in steps[:reader]), "make ran before the check"
    later = " ".join(str(step) for step in steps[reader + 1 :])
    assert "steps.version.outputs.version" in later


def test_the_browser_tests_are_required_on_linux() -> None:
    workflow = load(ROOT / ".github/workflows/check.yml")
    steps = workflow["jobs"]["test"]["steps"]
    (make_test,) = [step for step in steps if "make test" in step.get("run", "")]
    required = make_test["env"]["BROWSER_TESTS"].replace(" ", "")
    assert "runner.os=='Linux'&&'required'" in required, make_test["env"]
    matrix = workflow["jobs"]["test"]["strategy"]["matrix"]
    assert matrix["os"] == ["ubuntu-latest"], "every full run of the matrix is on Linux"


def test_zizmor_runs_online_in_ci_with_a_read_only_token() -> None:
    jobs = load(ROOT / ".github/workflows/check.yml")["jobs"]
    online = [
        job
        for job in jobs.values()
        if any("ZIZMOR_ONLINE=yes" in step.get("run", "") for step in job.get("steps", []))
    ]
    assert len(online) == 1, "one job audits the workflows online"
    assert online[0]["permissions"] == {"contents": "read"}
    (step,) = [step for step in online[0]["steps"] if "ZIZMOR_ONLINE" in step.get("run", "")]
    assert step["env"] == {"GH_TOKEN": "${{ github.token }}"}


def test_every_action_is_pinned_to_a_commit_with_its_version() -> None:
    uses = [
        (path.name, line.split("uses:", 1)[1].strip())
        for path in WORKFLOWS
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip().removeprefix("- ").startswith("uses:")
    ]
    assert uses, "no `uses:` lines found: has the workflow format changed?"
    loose = [f"{name}: {ref}" for name, ref in uses if not (PINNED.match(ref) or SELF.match(ref))]
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


def test_every_label_an_issue_form_applies_is_defined() -> None:
    defined = {label["name"] for label in yaml.safe_load((ROOT / ".github/labels.yml").read_text())}
    forms = sorted((ROOT / ".github/ISSUE_TEMPLATE").glob("*-*.yml"))
    assert forms, "no issue forms found"
    used = {label for form in forms for label in yaml.safe_load(form.read_text()).get("labels", [])}
    assert used, "the issue forms apply no labels: has their format changed?"
    assert used <= defined, f"add to .github/labels.yml: {sorted(used - defined)}"


def test_code_owners_are_in_the_repository_s_organisation() -> None:
    """The owner is a placeholder until the repository exists: in step with mkdocs.yml."""
    default = re.search(r"REPO_URL, \"https://github\.com/([^/]+)/", read("mkdocs.yml"))
    assert default, "mkdocs.yml's extra.repository default has changed shape"
    rules = [line.split() for line in read(".github/CODEOWNERS").splitlines()]
    rules = [rule for rule in rules if rule and not rule[0].startswith("#")]
    assert rules, "CODEOWNERS has no rule"
    assert rules[0][0] == "*", "the first rule covers every file"
    owners = {owner for rule in rules for owner in rule[1:]}
    assert owners, "CODEOWNERS names no owner"
    assert all(owner.startswith(f"@{default[1]}/") for owner in owners), owners


def read(path: str) -> str:
    return (ROOT / path).read_text(encoding="utf-8")
