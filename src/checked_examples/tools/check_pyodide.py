"""Run the site's examples in Pyodide under Node, as the Run button runs them in a browser.

    python -m checked_examples check-pyodide [--pyodide 314|315] [--page NAME] [--all]
        [--record] [--trace] [--set-up FILE.py ...]

Each example goes through the site's own engine (docs/assets/run/engine.mjs) and is judged
there by the suite's judge, in Pyodide, so what this prints is what a reader's Run button
would find: matched, or how it differs.
It runs them on every Pyodide in node_modules/: `pyodide`, the Run button's pinned
runtime (CPython 3.14), and `pyodide-315`, a CPython 3.15 build that nothing on these
machines can install natively; one summary line per version. Examples whose fence
declares `browser="no: ..."` are left out unless --all is given: that is how their
reasons were found. An example that needs a newer Python than the Run button's runs on
every Pyodide whose Python is new enough.

--record writes into its page the output of each example that needs a Python newer than
any recording machine's (NEWEST_RECORDING_PYTHON), from a run on a Pyodide new enough,
when that run kept every other promise of the page (ending, stderr, duration). It uses
the engine's own writer (record.py, `make update-examples`), so the block is the same.

--trace runs instead each example whose fence says trace="true" with the event loop's
recorder (loop_trace.py, as the live trace view will) and compares its story with the one
recorded beside it (trace.py), turn for turn, as the suite does on every Python.

--set-up runs Python files in each interpreter once it is loaded, in order; a diagnosis:
`--pyodide 315 --set-up pure_python_asyncio.py --set-up webloop_fixes_of_314.py` (files of
tools/pyodide/, where a bare name is looked up) shows that the 4 examples that differ on the 315
alpha match on CPython 3.15's own pure-Python asyncio with Pyodide 314.0.7's WebLoop fixes
(why_315_alpha_differs.mjs shows it on one small program).

Needs Node.js 20+ and `npm ci`.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .. import record, trace
from .. import settings as settings_mod
from ..exercise import failed_as_declared
from ..page import find_doc_examples
from ..paths import ROOT

HERE = Path(__file__).with_name("pyodide")
SCRIPT = HERE / "run_examples.mjs"
TRACE_SCRIPT = HERE / "trace_examples.mjs"
SENT = ("id", "name", "program", "timeout", "promise")  # what run_examples.mjs reads


@dataclass(frozen=True)
class Pyodide:
    package: str  # its folder in node_modules/
    name: str  # what --pyodide calls it

    @property
    def folder(self) -> Path:
        return ROOT / "node_modules" / self.package

    @property
    def version(self) -> str:
        return json.loads((self.folder / "package.json").read_text())["version"]

    @property
    def python(self) -> tuple[int, int]:
        # Since 314.0, Pyodide's major version is the CPython it builds: 314 is 3.14.
        major = int(self.version.split(".")[0])
        return (3, major - 300)

    def installed(self) -> bool:
        return (self.folder / "pyodide.mjs").is_file()


# package.json: `pyodide` is the Run button's runtime; `pyodide-315` an npm alias.
PYODIDES = [Pyodide("pyodide", "314"), Pyodide("pyodide-315", "315")]


def page_data(example, must_fail: str | None = None) -> dict:
    """`must_fail`: for an exercise's starter, the reason it must fail by; "any" for a
    wrong answer; None for a program that must keep the page's promise."""
    settings = example.settings()
    output = example.output
    _, values = settings_mod.split_info_string(example.info)
    return {
        "id": example.test_id,
        "name": example.program_name,
        "program": example.program(),
        "timeout": settings.timeout,
        "browser": settings.browser,
        # The reason is the Run button's Python being too old, not a declared one.
        "needs_newer": "browser" not in values and not settings.browser.runs,
        "requires": settings.requires,
        "unrecordable": settings.output_unrecordable,
        "example": example,
        "must_fail": must_fail,
        # What the page declares, as the Run button hands it to the judge (judge_run).
        "promise": {
            "lines": output.text.splitlines() if output else None,
            "times": " ".join(map(repr, output.times)) if output and output.times else None,
            "duration": settings.duration,
            "tolerance": settings.tolerance,
            "raises": settings.raises,
            "warns": list(settings.warns),
        },
    }


def runs_on(example: dict, pyodide: Pyodide) -> bool:
    if example["needs_newer"]:
        return example["requires"] <= pyodide.python
    return example["browser"].runs


def run_on(
    pyodide: Pyodide, chosen: list[dict], set_up: list[Path], script: Path = SCRIPT
) -> tuple[list[dict], int, str]:
    """Each example's result line from `script` (run_examples.mjs), Node's exit status, and
    stderr."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as file:
        json.dump([{key: e[key] for key in SENT} for e in chosen], file)
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as code:
        code.write("\n".join(path.read_text() for path in set_up))
    try:
        done = subprocess.run(
            [
                "node",
                "--experimental-wasm-stack-switching",
                str(script),
                str(pyodide.folder),
                file.name,
                *([code.name] if set_up else []),
            ],
            capture_output=True,
            text=True,
        )
    finally:
        Path(file.name).unlink()
        Path(code.name).unlink()
    results = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    return results, done.returncode, done.stderr


def report(result: dict, example: dict) -> bool:
    """Print one example's findings; whether it matched (an exercise's starter or wrong
    answer: whether it failed the goal, as it must)."""
    if example["must_fail"]:
        return report_answer(result, example)
    findings = result.get("findings")
    if findings == []:
        print(f"MATCHED   {result['id']} ({result['seconds']:.2f} s)")
        return True
    declared = example["browser"].reason if not example["browser"].runs else "runnable"
    print(f"DIFFERS   {result['id']}  [declared: {declared}]")
    if result.get("hung"):
        print(f"    still running after {example['timeout']:g} s")
    if result.get("crashed"):
        print(f"    {result['crashed']}")
    for finding in findings or []:
        if finding["kind"] == "output":
            print("    the output differs (- page, + this run):")
            print("".join(f"      {op} {text}\n" for op, text in finding["diff"]), end="")
        else:
            where = f" line {finding['line']}" if finding["line"] else ""
            print(
                f"    {finding['kind']}{where}: page {finding['expected']!r}, "
                f"this run {finding['measured']!r}"[:300]
            )
    if result["stderr"]:
        print("    stderr: " + result["stderr"].strip().replace("\n", "\n            "))
    return False


def report_answer(result: dict, example: dict) -> bool:
    kinds = ["hang"] if result.get("hung") else [f["kind"] for f in result.get("findings") or []]
    reason = example["must_fail"]
    if result.get("crashed") or not kinds:
        why = result.get("crashed") or "passes the goal: a reader's Check would call it solved"
        print(f"WRONG     {result['id']}: {why}")
        return False
    if reason != "any" and not failed_as_declared(reason, kinds):
        print(f"WRONG     {result['id']}: fails by {', '.join(kinds)}, not by {reason}")
        return False
    print(f"FAILS     {result['id']} as it should ({', '.join(kinds)})")
    return True


def recording(result: dict, example: dict, pyodide: Pyodide) -> record.Update | None:
    """The page update for an output no recording machine can make, or None."""
    if example["must_fail"] or not example["unrecordable"] or example["requires"] > pyodide.python:
        return None
    findings = result.get("findings")
    # Only the missing ```output block may be found, when recording one.
    if findings is None or any(f["kind"] != "no-output-block" for f in findings):
        print(f"NOT RECORDED {result['id']}: the run broke the page's other promises")
        return None
    doc_example = example["example"]
    stdout = "".join(line + "\n" for line in result["lines"])
    if why := record.unfenceable(stdout):
        print(f"NOT RECORDED {result['id']}: {why}")
        return None
    return record.Update(
        str(doc_example.doc),
        doc_example.line,
        doc_example.block_source,
        stdout,
        result["lineTimes"],
    )


def check_traces(pyodide: Pyodide, chosen: list[dict]) -> bool:
    """The traced examples' stories in Pyodide against the recorded ones; whether all kept."""
    chosen = [e for e in chosen if e["example"].settings().trace and not e["must_fail"]]
    results, status, stderr = run_on(pyodide, chosen, [], TRACE_SCRIPT)
    sys.stderr.write(stderr)
    kept = 0
    for result, example in zip(results, chosen[: len(results)], strict=True):
        path = trace.trace_path(example["example"].embedded)
        recorded = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
        found = compare_story(recorded, result["trace"], example)
        if not found and result["status"] == 0:
            kept += 1
            print(f"KEPT      {result['id']} ({len(result['trace']['turns'])} turns)")
            continue
        print(f"DIFFERS   {result['id']} (exit status {result['status']})")
        for finding in found:
            if finding.kind == "trace-turn":
                print(f"    turn {finding.line}: recorded: {trace.describe_turn(finding.expected)}")
                print(f"    turn {finding.line}: this run: {trace.describe_turn(finding.measured)}")
            else:
                said = f"{finding.expected!r} / {finding.measured!r}"
                print(f"    {finding.kind} {finding.line}: {said}")
    print(f"Pyodide {pyodide.version}: {kept} of {len(chosen)} traced examples kept their story")
    return kept == len(chosen) == len(results) and status == 0


def compare_story(recorded: dict | None, story: dict | None, example: dict) -> list:
    return trace.compare(recorded, story, example["promise"]["tolerance"])


def main(argv: list[str] | None = None) -> int:
    """Run every example a browser can run in Pyodide under Node, judged as on the page."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--pyodide",
        action="append",
        choices=[p.name for p in PYODIDES],
        help="only this Pyodide (default: every one installed)",
    )
    parser.add_argument("--page", action="append", default=[], help="only docs/PAGE.md")
    parser.add_argument("--all", action="store_true", help="also the declared not-runnable")
    parser.add_argument(
        "--record",
        action="store_true",
        help="write the outputs no recording machine can make into their pages",
    )
    parser.add_argument(
        "--trace",
        action="store_true",
        help="compare the traced examples' event-loop stories with the recorded ones",
    )
    parser.add_argument(
        "--set-up",
        action="append",
        default=[],
        type=Path,
        metavar="FILE",
        help="Python to run in each interpreter once loaded (a diagnosis)",
    )
    args = parser.parse_args(argv)
    args.set_up = [path if path.exists() else HERE / path for path in args.set_up]
    pyodides = [p for p in PYODIDES if not args.pyodide or p.name in args.pyodide]
    missing = [p for p in pyodides if not p.installed()]
    if missing:
        names = ", ".join(f"node_modules/{p.package}" for p in missing)
        print(f"no {names}: run `npm ci` first (needs Node.js and npm)")
        return 2
    examples = []
    for example in find_doc_examples(ROOT):
        if args.page and example.doc.stem not in args.page:
            continue
        examples.append(page_data(example.checked()))  # an exercise's block: its solution
        for answer in example.answers():  # which must fail the goal in the browser too
            starter = answer.embedded == answer.starter
            reason = answer.settings().starter_fails if starter else "any"
            examples.append(page_data(answer, reason))
    if args.trace:
        return (
            0
            if all([check_traces(p, [e for e in examples if runs_on(e, p)]) for p in pyodides])
            else 1
        )
    summaries, updates, recorded, all_good = [], [], set(), True
    for pyodide in pyodides:
        chosen = [e for e in examples if args.all or runs_on(e, pyodide)]
        print(f"== Pyodide {pyodide.version} (CPython {pyodide.python[0]}.{pyodide.python[1]})")
        results, status, stderr = run_on(pyodide, chosen, args.set_up)
        sys.stderr.write(stderr)
        matched = 0
        for result, example in zip(results, chosen[: len(results)], strict=True):
            assert result["id"] == example["id"]
            matched += report(result, example)
            if args.record and (update := recording(result, example, pyodide)):
                updates.append(update)
                recorded.add(result["id"])
        if len(results) < len(chosen):
            print(
                f"DIED      {chosen[len(results)]['id']}: Node's Pyodide ended while running "
                f"it (exit status {status}); {len(chosen) - len(results) - 1} more not run"
            )
        loaded = [line.split()[1] for line in stderr.splitlines() if line.startswith("Python ")]
        python = loaded[0] if loaded else "?"
        if not python.startswith("{}.{}.".format(*pyodide.python)):
            print(f"WRONG     Pyodide {pyodide.version} loaded Python {python}")
            all_good = False
        left_out = [e for e in examples if e not in chosen]
        too_new = sum(e["needs_newer"] for e in left_out)
        summaries.append(
            f"Pyodide {pyodide.version} (Python {python}): {len(results)} ran, "
            f"{matched} matched; {len(left_out) - too_new} declared not runnable"
            + (f", {too_new} need{'s' * (too_new == 1)} a newer Python" if too_new else "")
        )
        all_good &= matched == len(results) == len(chosen)
    if updates:
        written, refused = record.apply(updates, ROOT)
        for doc in written:
            print(f"RECORDED into {Path(doc).relative_to(ROOT)}:")
            lines = Path(doc).read_text(encoding="utf-8").splitlines()
            for example in find_doc_examples(ROOT, Path(doc)):
                if example.output and example.test_id in recorded:
                    print("\n".join(lines[example.output.line - 1 : example.output.end_line]))
        for why in refused:
            print(f"NOT RECORDED: {why}")
    print()
    print("\n".join(summaries))
    return 0 if all_good else 1
