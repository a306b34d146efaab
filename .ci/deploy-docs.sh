#!/usr/bin/env bash
# Deploy the site as one version on the gh-pages branch: what the publish workflow runs,
# and what tests/test_versioned_deploys.py runs against a stand-in remote. Two commands,
# so that the build, which runs third-party code (MkDocs, its plugins, the packages pip
# installed), never holds the write token; the push is git alone:
#
#   deploy-docs.sh build VERSION   commit VERSION (dev, or e.g. 0.2) to the local gh-pages
#                                  branch, on top of the remote's; it takes `latest` only
#                                  if it is the highest stable version (release_version.py)
#   deploy-docs.sh push            push gh-pages to the remote
#
# Maintainers preview with `make versions-deploy`, which never pushes.
# Needs mike on PATH (build), a git identity, and the remote in $REMOTE (default origin).
set -euo pipefail

here=$(dirname "$0")
remote=${REMOTE:-origin}
python=${PYTHON:-python3}
usage="usage: deploy-docs.sh build VERSION | deploy-docs.sh push"

build() {
    local version=$1 alias status=0
    # Before anything uses it: a version is `dev` or digits and dots (release_version.py).
    "$python" "$here/release_version.py" check "$version"

    # CI checks out main alone, shallow. Without gh-pages beside it mike would start the
    # branch afresh with this version only, and the push would be refused (or, forced,
    # would delete every other version). With origin/gh-pages present, mike commits on
    # top of it; one commit of history is enough for that.
    git ls-remote --exit-code --heads "$remote" gh-pages >/dev/null || status=$?
    case $status in
        0) git fetch --no-tags --depth=1 "$remote" "+refs/heads/gh-pages:refs/remotes/$remote/gh-pages" ;;
        2) echo "no gh-pages on $remote yet: this deploy starts it" ;;
        *) echo "error: cannot read $remote's branches (git ls-remote exited $status)" >&2; exit 1 ;;
    esac

    alias=$({ git show "refs/remotes/$remote/gh-pages:versions.json" 2>/dev/null || true; } |
        "$python" "$here/release_version.py" alias "$version")
    echo "deploying $version${alias:+ as $alias}"
    mike deploy --remote "$remote" --update-aliases "$version" ${alias:+"$alias"}
    if [ "$alias" = latest ]; then
        # The site's root redirects to /latest/; after the first release this changes nothing.
        mike set-default --remote "$remote" latest
    fi
}

case ${1:-} in
    build) [ $# -eq 2 ] || { echo "$usage" >&2; exit 2; }; build "$2" ;;
    push) [ $# -eq 1 ] || { echo "$usage" >&2; exit 2; }; git push "$remote" gh-pages ;;
    *) echo "$usage" >&2; exit 2 ;;
esac
