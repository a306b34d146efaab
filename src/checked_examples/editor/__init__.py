"""The code editor's bundle: CodeMirror 6, set up in `codemirror.mjs` beside this file,
bundled by esbuild into one self-hosted ES module among the site's files
(docs/assets/run/codemirror.mjs, which git ignores), so that the browser fetches nothing
from elsewhere. `python -m checked_examples runtime` calls `bundle()` with the rest of
the Run button's runtime; docs/assets/run/editor.mjs imports the bundle on a reader's
first use of an editor, and keeps the plain text box when it is not there.

The bundle's first line names a digest of what made it (the entry module, the npm lock
that pins CodeMirror and esbuild), so it is built again only when that changes.
"""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

from ..paths import ROOT

ENTRY = Path(__file__).with_name("codemirror.mjs")
BUNDLE = "codemirror.mjs"
ESBUILD = ROOT / "node_modules" / "esbuild" / "bin" / "esbuild"
LOCK = ROOT / "package-lock.json"
_LICENCE = (
    "CodeMirror 6 and Lezer (MIT licence, Marijn Haverbeke and others), "
    "bundled for this site by esbuild"
)


def _digest() -> str:
    made_of = hashlib.sha256()
    for source in (ENTRY, LOCK):
        made_of.update(source.read_bytes())
    return made_of.hexdigest()[:16]


def bundle(target: Path) -> str | None:
    """Build the bundle into `target` unless it is there and current; None, or why not."""
    if not ESBUILD.is_file():
        (target / BUNDLE).unlink(missing_ok=True)
        return "node_modules lacks esbuild (run `npm ci`): the editors stay plain text boxes"
    banner = f"// {_LICENCE}; made from {_digest()}"
    out = target / BUNDLE
    if out.is_file():
        with out.open(encoding="utf-8") as made:
            if made.readline().rstrip("\n") == banner:
                return None
    target.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [
            str(ESBUILD),
            str(ENTRY),
            "--bundle",
            "--format=esm",
            "--minify",
            "--target=es2020",
            "--legal-comments=eof",
            f"--banner:js={banner}",
            f"--outfile={out}",
            "--log-level=warning",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        out.unlink(missing_ok=True)
        return f"esbuild failed: {done.stderr.strip()}"
    return None
