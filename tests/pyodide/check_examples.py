"""Run the site's examples in Pyodide under Node, as the Run button runs them in a browser.

    .venv/bin/python tests/pyodide/check_examples.py [--page NAME] [--all]

Each example goes through the site's own engine and verdict (docs/assets/run/), so
what this prints is what a reader's Run button would say: matched, or how it differs.
Examples whose fence declares `browser="no: ..."` are left out unless --all is given:
that is how their reasons were found. Needs Node.js 20+ and `npm ci` (the pinned
`pyodide` package in node_modules/).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from checked_examples.page import find_doc_examples  # noqa: E402

PYODIDE = ROOT / "node_modules" / "pyodide"
SCRIPT = Path(__file__).with_name("run_examples.mjs")


def page_data(example) -> dict:
    settings = example.settings()
    output = example.output
    return {
        "id": example.test_id,
        "name": example.program_name,
        "program": example.program(),
        "timeout": settings.timeout,
        "browser": settings.browser,
        "page": {
            "lines": output.text.splitlines() if output else [],
            "times": output.times if output else None,
            "duration": settings.duration,
            "tolerance": settings.tolerance,
            "raises": settings.raises,
            "warns": list(settings.warns),
        },
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page", action="append", default=[], help="only docs/PAGE.md")
    parser.add_argument("--all", action="store_true", help="also the declared not-runnable")
    args = parser.parse_args()
    if not (PYODIDE / "pyodide.mjs").is_file():
        print("no node_modules/pyodide: run `npm ci` first (needs Node.js and npm)")
        return 2
    examples = [
        page_data(example)
        for example in find_doc_examples(ROOT)
        if not args.page or example.doc.stem in args.page
    ]
    chosen = [e for e in examples if args.all or e["browser"].runs]
    for e in examples:
        e["browser"] = e["browser"].reason
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as file:
        json.dump(chosen, file)
    done = subprocess.run(
        ["node", "--experimental-wasm-stack-switching", str(SCRIPT), str(PYODIDE), file.name],
        capture_output=True,
        text=True,
    )
    Path(file.name).unlink()
    sys.stderr.write(done.stderr)
    results = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    by_id = {e["id"]: e for e in chosen}
    matched = 0
    for result in results:
        example = by_id[result["id"]]
        verdict = result.get("verdict")
        if verdict and verdict["matched"]:
            matched += 1
            print(f"MATCHED   {result['id']} ({result['seconds']:.2f} s)")
            continue
        print(f"DIFFERS   {result['id']}  [declared: {example['browser'] or 'runnable'}]")
        if result.get("hung"):
            print(f"    still running after {example['timeout']:g} s")
        if result.get("crashed"):
            print(f"    {result['crashed']}")
        for problem in verdict["problems"] if verdict else []:
            print(f"    {problem}")
        for row in (verdict or {}).get("diff") or []:
            print(f"    {row['op']} {row['text']}")
        for row in (verdict or {}).get("late") or []:
            print(f"    line {row['n']} at {row['measured']:.2f} s, page {row['expected']} s")
        if result["stderr"]:
            print("    stderr: " + result["stderr"].strip().replace("\n", "\n            "))
    if len(results) < len(chosen):
        print(
            f"DIED      {chosen[len(results)]['id']}: Node's Pyodide ended while running it "
            f"(exit status {done.returncode}); {len(chosen) - len(results) - 1} more not run"
        )
    left_out = len(examples) - len(chosen)
    print(f"\n{len(results)} ran in Pyodide, {matched} matched; {left_out} declared not runnable")
    return 0 if matched == len(results) == len(chosen) else 1


if __name__ == "__main__":
    sys.exit(main())
