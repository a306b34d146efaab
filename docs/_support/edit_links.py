"""MkDocs hook: "edit this page" links without `repo_url`.

Material shows an edit button wherever a page has an `edit_url`. MkDocs derives
it from `repo_url` + `edit_uri`, but `repo_url` also makes Material's header
fetch the repository's stars and forks from the GitHub API in every reader's
browser. An absolute `edit_uri` needs no `repo_url`; this hook builds it from
the one setting that names the repository, `extra.repository` (REPO_URL).
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

# Pull requests target main, so edits are proposed against it whatever version is read.
BRANCH = "main"


def on_config(config):
    config["edit_uri"] = edit_uri(config["extra"].get("repository"))
    return config


def edit_uri(repository: str | None) -> str:
    """`https://github.com/o/r` -> `https://github.com/o/r/edit/main/docs/`."""
    if not repository or not repository.startswith("https://"):
        raise PluginError(
            f"extra.repository must be the repository's https address, got {repository!r}"
        )
    return f"{repository.rstrip('/')}/edit/{BRANCH}/docs/"
