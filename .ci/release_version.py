"""Which version a publish deploys, and whether it moves `latest`.

    release_version.py ref REF_TYPE REF_NAME   the version to deploy: `dev` for the branch
                                               main, `1.2` for the tag v1.2
    release_version.py check VERSION           refuse anything but `dev` or a version
    release_version.py alias VERSION < versions.json
                                               `latest` if VERSION is a stable version at
                                               least as high as every stable one published
                                               (versions.json from gh-pages; empty: none yet)

A tag name is chosen by whoever pushes it and ends up in shell commands and in paths on
gh-pages, so it must match the pattern below before anything uses it: `v`, two or three
dot-separated numbers, an optional pre-release (a, b or rc and a number), e.g. v1.2,
v1.2.3, v1.3rc1. Only the highest stable version moves `latest`: an older patch or a
pre-release deploys under its own number. Standard library only: this runs before
anything is installed.
"""

from __future__ import annotations

import json
import re
import sys

VERSION = re.compile(r"(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*)){1,2}((a|b|rc)(0|[1-9][0-9]*))?")
PRE_RELEASES = ("a", "b", "rc")
EXAMPLE = "v1.2, v1.2.3 or v1.3rc1"


class BadVersion(ValueError):
    pass


def from_ref(ref_type: str, ref_name: str) -> str:
    """The version a push to `ref_name` (a branch or a tag) deploys."""
    if ref_type == "branch":
        if ref_name != "main":
            raise BadVersion(f"only main and version tags are published, not branch {ref_name!r}")
        return "dev"
    if ref_type != "tag":
        raise BadVersion(f"unknown ref type {ref_type!r}: expected branch or tag")
    if not ref_name.startswith("v") or not VERSION.fullmatch(ref_name[1:]):
        raise BadVersion(f"tag {ref_name!r} is not a version tag such as {EXAMPLE}")
    return ref_name[1:]


def check(version: str) -> str:
    if version != "dev" and not VERSION.fullmatch(version):
        raise BadVersion(f"{version!r} is neither dev nor a version such as {EXAMPLE[1:]}")
    return version


def sort_key(version: str) -> tuple[tuple[int, ...], int, int]:
    """1.2 == 1.2.0 < 1.10; 1.3a1 < 1.3b1 < 1.3rc1 < 1.3."""
    match = VERSION.fullmatch(check(version))
    if match is None:
        raise BadVersion(f"{version!r} has no place in the order of versions")
    release = tuple(int(part) for part in version.removesuffix(match[4] or "").split("."))
    padded = release + (0,) * (3 - len(release))
    if match[5]:
        return padded, PRE_RELEASES.index(match[5]), int(match[6])
    return padded, len(PRE_RELEASES), 0


def is_stable(version: str) -> bool:
    match = VERSION.fullmatch(version)
    return match is not None and not match[4]


def takes_latest(version: str, published: list[str]) -> bool:
    """Whether `version` should carry `latest`, given the versions gh-pages already has."""
    if not is_stable(check(version)):
        return False  # dev, or a pre-release
    stable = [sort_key(other) for other in published if is_stable(other)]
    return all(sort_key(version) >= other for other in stable)


def published_versions(versions_json: str) -> list[str]:
    """The versions in mike's versions.json (an empty text: nothing published yet)."""
    if not versions_json.strip():
        return []
    return [entry["version"] for entry in json.loads(versions_json)]


def main(argv: list[str]) -> int:
    usage = __doc__.split("\nA tag name")[0]
    try:
        match argv:
            case ["ref", ref_type, ref_name]:
                print(from_ref(ref_type, ref_name))
            case ["check", version]:
                check(version)
            case ["alias", version]:
                published = published_versions(sys.stdin.read())
                print("latest" if takes_latest(version, published) else "")
            case _:
                print(f"usage:\n{usage}", file=sys.stderr)
                return 2
    except BadVersion as error:
        print(f"error: {error}; nothing was deployed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
