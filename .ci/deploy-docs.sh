#!/usr/bin/env bash
# Deploy the site as one version on the gh-pages branch and push it: what the publish
# workflow runs (through `make publish`), and what tests/test_versioned_deploys.py runs
# against a stand-in remote. Maintainers preview with `make versions-deploy`, which never
# pushes.
#
#   deploy-docs.sh VERSION [ALIAS]    e.g. deploy-docs.sh dev; deploy-docs.sh 0.2 latest
#
# Needs mike on PATH, a git identity, and the remote in $REMOTE (default origin).
set -euo pipefail

version=${1:?usage: deploy-docs.sh VERSION [ALIAS]}
alias=${2:-}
remote=${REMOTE:-origin}

# CI checks out main alone, shallow. Without gh-pages beside it mike would start the
# branch afresh with this version only, and the push would be refused (or, forced, would
# delete every other version). With origin/gh-pages present, mike commits on top of it;
# one commit of history is enough for that.
status=0
git ls-remote --exit-code --heads "$remote" gh-pages >/dev/null || status=$?
case $status in
    0) git fetch --no-tags --depth=1 "$remote" "+refs/heads/gh-pages:refs/remotes/$remote/gh-pages" ;;
    2) echo "no gh-pages on $remote yet: this deploy starts it" ;;
    *) echo "error: cannot read $remote's branches (git ls-remote exited $status)" >&2; exit 1 ;;
esac

mike deploy --push --remote "$remote" --update-aliases "$version" ${alias:+"$alias"}
if [ "$alias" = latest ]; then
    # The site's root redirects to /latest/; after the first release this changes nothing.
    mike set-default --push --remote "$remote" latest
fi
