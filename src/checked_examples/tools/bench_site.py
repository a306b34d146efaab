"""Lighthouse on the site next to a default Material build of the same pages.

Deploys the site as readers get it (mike, checked_examples/tools/browser_site.py), builds the same
pages with a plain Material theme in a temporary directory, serves both on 127.0.0.1
(gzipped, as a static host does) and runs Lighthouse (npm, `make bench-site` installs
it) against the home page and the heaviest lesson, on mobile and desktop, several
times each. Writes the medians to site-report.md beside it and prints them.
It prints figures, it does not pass or fail; the targets are in the report. Then it
times the Run button (bench_run_button.py): click to first line, cold and warm.

The machine is shared: performance scores move with its load, so the load average
is part of the report. Rerun when it is low (`--runs 5` for steadier medians).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from ..paths import ROOT
from . import bench_run_button, browser_site, chromium, serve
from .site_pages import heaviest_lesson

REPORT = Path(__file__).with_name("site-report.md")
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
    "speed-index": "SI",
}
TARGETS = "accessibility 100, best practices 100, SEO 100, performance 100 desktop / >= 98 mobile"

# The same pages, Markdown and hooks; only the theme settings are Material's defaults.
# font: false as in ours: the default Google Fonts request cannot load offline, and
# leaving it out makes the default page lighter, not heavier.
DEFAULT_MATERIAL = """\
INHERIT: mkdocs.yml
site_dir: {site}
theme:
  name: material
  custom_dir: {empty}
  favicon: assets/images/favicon.png  # Material's own
  font: false
  features: []
  palette: []
extra_css: []
extra:
  version: null  # no mike selector: a plain build has no versions.json to fetch
"""


def build_default_material(scratch: Path) -> Path:
    """The site's pages built with a plain Material config; returns the site directory.

    Built in a copy of the project, beside its mkdocs.yml, so that every path the
    inherited config names relative to itself still resolves.
    """
    project = browser_site.copy_project(scratch / "plain-material")
    empty = scratch / "no-overrides"
    empty.mkdir()
    config = project / "default-material.yml"
    site = scratch / "default-site"
    config.write_text(DEFAULT_MATERIAL.format(site=site, empty=empty), encoding="utf-8")
    mkdocs = Path(sys.executable).parent / "mkdocs"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [mkdocs, "build", "--quiet", "--config-file", config],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise SystemExit(f"building the default Material site failed:\n{done.stderr}")
    return site


def lighthouse(url: str, form: str, out: Path) -> dict:
    flags = " ".join(["--headless=new", *chromium.flags()])
    args = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={flags}",
        "--quiet",
    ]
    if form == "desktop":
        args.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": chromium.executable() or ""}
    subprocess.run(args, check=True, env=env, capture_output=True)
    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    return {
        **{c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES},
        "weight": audits["total-byte-weight"]["numericValue"] / 1024,
        "requests": len(audits["network-requests"]["details"]["items"]),
        **{short: audits[key]["numericValue"] for key, short in METRICS.items()},
    }


def median_run(url: str, form: str, runs: int, scratch: Path) -> dict:
    results = [lighthouse(url, form, scratch / f"lh-{i}.json") for i in range(runs)]
    return {key: statistics.median(r[key] for r in results) for key in results[0]} | {
        "performance runs": [r["performance"] for r in results]
    }


def row(site: str, page: str, form: str, r: dict) -> str:
    runs = ", ".join(str(p) for p in r["performance runs"])
    return (
        f"| {site} | {page} | {form} | {r['performance']:.0f} ({runs}) | "
        f"{r['accessibility']:.0f} | {r['best-practices']:.0f} | {r['seo']:.0f} | "
        f"{r['weight']:.1f} | {r['requests']:.0f} | {r['FCP']:.0f} | {r['LCP']:.0f} | "
        f"{r['TBT']:.0f} | {r['CLS']:.3f} | {r['SI']:.0f} |"
    )


def version(args: list[str]) -> str:
    try:
        return subprocess.run(args, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per case")
    options = parser.parse_args(argv)
    if not LIGHTHOUSE.exists() or chromium.executable() is None:
        print("needs Lighthouse (make bench-site installs it) and a Chromium")
        return 1

    load_before = os.getloadavg()
    started = time.perf_counter()
    rows = []
    with ExitStack() as stack:
        scratch = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        ours = browser_site.deploy(scratch / "ours")
        default = build_default_material(scratch)
        lesson = heaviest_lesson(ours / browser_site.NEW)
        ours_url = stack.enter_context(serve.serving(ours)) + f"{browser_site.NEW}/"
        default_url = stack.enter_context(serve.serving(default))
        for page, path in (("home", ""), (lesson.rstrip("/"), lesson)):
            for form in ("mobile", "desktop"):
                for site, base in (("ours", ours_url), ("default Material", default_url)):
                    result = median_run(base + path, form, options.runs, scratch)
                    rows.append(row(site, page, form, result))
                    print(rows[-1], flush=True)
        html_bytes = {
            name: (tree / path / "index.html").stat().st_size / 1024
            for name, tree in (("ours", ours / browser_site.NEW), ("default", default))
            for path in [lesson]
        }
        run_button = bench_run_button.measure(bench_run_button.built_and_served(stack))
    load_after = os.getloadavg()

    report = [
        "# Site speed and weight: Lighthouse, ours vs default Material",
        "",
        "Written by `make bench-site` (checked_examples/tools/bench_site.py); do not edit it.",
        "",
        f"Targets: {TARGETS}; page weight no higher than default Material's.",
        "",
        f"- Lighthouse {version([str(LIGHTHOUSE), '--version'])}, "
        f"{version([chromium.executable(), '--version'])}, {options.runs} runs per case "
        "(medians; the performance score of each run in brackets)",
        f"- Machine: {os.cpu_count()} cores, load average {load_before[0]:.2f} at the start, "
        f"{load_after[0]:.2f} at the end; {time.perf_counter() - started:.0f} s in all",
        "- Default Material: the same pages, Markdown extensions and hooks with `theme: "
        "{name: material, font: false}` (no features, palette, overrides or extra CSS)",
        f"- Heaviest lesson's HTML: {html_bytes['ours']:.1f} KiB ours, "
        f"{html_bytes['default']:.1f} KiB default (uncompressed)",
        "- Served from 127.0.0.1, gzipped. Mobile: Lighthouse's default simulated "
        "slow 4G and 4x CPU slowdown; desktop: `--preset=desktop`.",
        "",
        "| site | page | form | performance | a11y | best practices | SEO | weight KiB "
        "| requests | FCP ms | LCP ms | TBT ms | CLS | SI ms |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        *rows,
        "",
        "## The Run button",
        "",
        *run_button,
        "",
    ]
    REPORT.write_text("\n".join(report), encoding="utf-8")
    print("\n".join(report))
    print(f"written to {REPORT.relative_to(ROOT)}")
    return 0
