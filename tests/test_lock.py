"""The lock files: what `make` installs must be what pyproject.toml and package.json ask for.

pyproject.toml lists the Python tools; `make lock` copies the list into requirements.in
and resolves it into requirements.txt, the hash-checked lock that `make` installs and
Dependabot's `uv` ecosystem recompiles. Someone who edits pyproject.toml and forgets
`make lock` gets an environment without their change: these tests catch that, and say
to run `make lock`.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from checked_examples.paths import ROOT

RUN_MAKE_LOCK = "pyproject.toml changed without `make lock`: run `make lock` and commit"
PIN = re.compile(r"^(?P<name>[A-Za-z0-9][\w.-]*)==(?P<version>[^\s;\\]+)")
# What Dependabot reads from the header to recompile the lock as `make lock` does.
HEADER_OPTIONS = ("--universal", "--python-version 3.11", "--generate-hashes")


@dataclass
class Pin:
    name: str
    version: str
    hashes: int = 0
    via: list[str] = field(default_factory=list)


def pins(text: str) -> list[Pin]:
    """requirements.txt as uv writes it: a pin, its hash lines, then `# via` lines."""
    found: list[Pin] = []
    for line in text.splitlines():
        stripped = line.strip()
        if match := PIN.match(line):
            found.append(Pin(canonicalize_name(match["name"]), match["version"]))
        elif not found:
            continue  # the header
        elif stripped.startswith("--hash="):
            found[-1].hashes += 1
        elif stripped.startswith("#") and stripped != "# via":
            found[-1].via.append(stripped.removeprefix("# via ").lstrip("# ").strip())
    return found


def dependencies() -> list[str]:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return tomllib.load(file)["project"]["dependencies"]


def test_requirements_in_is_pyproject_dependency_list() -> None:
    lines = (ROOT / "requirements.in").read_text(encoding="utf-8").splitlines()
    listed = [line for line in lines if line.strip() and not line.startswith("#")]
    assert listed == dependencies(), f"requirements.in differs from pyproject.toml: {RUN_MAKE_LOCK}"


def check_lock(requirements: list[str], lock_text: str) -> list[str]:
    """What is wrong with `lock_text` as the lock of `requirements`."""
    locked = pins(lock_text)
    by_name: dict[str, list[Pin]] = {}
    for pin in locked:
        by_name.setdefault(pin.name, []).append(pin)
    problems = []
    wanted = set()
    for line in requirements:
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        wanted.add(name)
        if name not in by_name:
            problems.append(f"{requirement.name} is not in requirements.txt")
        for pin in by_name.get(name, []):
            if not requirement.specifier.contains(pin.version, prereleases=True):
                problems.append(f"requirements.txt pins {pin.name} {pin.version}: not {line}")
    direct = {pin.name for pin in locked if "-r requirements.in" in pin.via}
    problems += [f"{name} is locked but no longer listed" for name in sorted(direct - wanted)]
    problems += [f"{pin.name} {pin.version} has no hash" for pin in locked if not pin.hashes]
    return problems


def test_lock_satisfies_pyproject() -> None:
    problems = check_lock(dependencies(), (ROOT / "requirements.txt").read_text("utf-8"))
    assert not problems, f"{RUN_MAKE_LOCK}:\n" + "\n".join(problems)


def test_a_stale_lock_is_caught() -> None:
    """The check above can fail: a lock that misses what the list asks for, in each way."""
    lock = (ROOT / "requirements.txt").read_text("utf-8")
    # The names this lock was made from, any version: so that only the changes below count.
    listed = sorted({pin.name for pin in pins(lock) if "-r requirements.in" in pin.via})
    assert check_lock(listed, lock) == []
    assert check_lock([*listed, "no-such-package>=1"], lock) == [
        "no-such-package is not in requirements.txt"
    ]
    ruff = next(pin for pin in pins(lock) if pin.name == "ruff")
    narrowed = [f"ruff>{ruff.version}" if r.startswith("ruff") else r for r in listed]
    assert check_lock(narrowed, lock) == [
        f"requirements.txt pins ruff {ruff.version}: not ruff>{ruff.version}"
    ]
    fewer = [r for r in listed if not r.startswith("codespell")]
    assert check_lock(fewer, lock) == ["codespell is locked but no longer listed"]


def test_lock_is_hash_checked_address_free_and_readable_by_dependabot() -> None:
    text = (ROOT / "requirements.txt").read_text("utf-8")
    header = "\n".join(line for line in text.splitlines() if line.startswith("#    uv "))
    assert header, "requirements.txt has no `uv pip compile` header: run `make lock`"
    missing = [option for option in HEADER_OPTIONS if option not in header]
    assert not missing, f"the header lacks {missing}, which Dependabot reads: run `make lock`"
    assert len(pins(text)) > len(dependencies()), "requirements.txt pins nothing transitive"
    addresses = [line for line in text.splitlines() if "://" in line or "-url" in line]
    assert not addresses, f"addresses in the lock: {addresses}"


def test_npm_lock_is_address_free() -> None:
    lock = json.loads((ROOT / "package-lock.json").read_text("utf-8"))
    packages = {name: entry for name, entry in lock["packages"].items() if name}
    assert packages, "package-lock.json lists no packages"
    with_address = sorted(name for name, entry in packages.items() if "resolved" in entry)
    assert not with_address, f"download addresses in package-lock.json: {with_address[:5]}"
    unhashed = sorted(name for name, entry in packages.items() if "integrity" not in entry)
    assert not unhashed, f"packages without an integrity hash: {unhashed[:5]}"
