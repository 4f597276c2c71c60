"""`make bench`: build synthetic frameworks at 1×, 10× and 100×, ours and the stock default.

For each scale: prepare a throw-away copy (bench/prepare.py) of our project
and of the bare default (same pages, stock Material + static-i18n config),
build each (median wall time of --runs builds; the default at 100× is built
once and only with --full, it needs minutes and gigabytes; ours is built once
cold, its preview-card cache empty, then --runs times warm), then
measure output, search index and what a first visit to an objective page
fetches in Chromium (three visits, the median reported). At 1× it also times `mkdocs serve` live reload and, if
Lighthouse is installed, the mobile performance score. Writes
bench/results.json and bench/results.md (bench/report.py).

Usage: python bench/run.py [--full] [--scales 1,10,100] [--runs 3] [--keep]
Copies go to $BENCH_DIR (default: a new folder under /tmp), removed at the end unless --keep.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import build  # noqa: E402
import lighthouse  # noqa: E402
import measure  # noqa: E402
import prepare  # noqa: E402
import report  # noqa: E402


def _say(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def _middle_objective(site: Path) -> str:
    ids = sorted(p.name for p in (site / "objectives").iterdir())
    return ids[len(ids) // 2]


def measure_variant(variant: str, scale: int, work: Path, runs: int) -> dict:
    copy = work / f"{variant}-{scale}"
    config = prepare.site_copy(copy, scale) if variant == "site" else prepare.default_copy(copy, scale)
    site = copy / "site"
    builds = []
    cold = None
    if variant == "site":  # every preview card drawn; the warm builds below reuse them
        _say(f"{variant} {scale}×: cold build (no cached cards)")
        cold = build.build(config, site, strict=True, cold=True)
    for n in range(runs):
        _say(f"{variant} {scale}×: build {n + 1}/{runs}{' (warm)' if cold else ''}")
        builds.append(build.build(config, site, strict=variant == "site"))
    out = {
        **({"cold_build_seconds": cold["seconds"], "cold_cpu_seconds": cold["cpu_seconds"],
            "cold_peak_mib": cold["peak_mib"]} if cold else {}),
        "build_seconds": statistics.median(b["seconds"] for b in builds),
        "build_seconds_all": [round(b["seconds"], 2) for b in builds],
        "cpu_seconds": statistics.median(b["cpu_seconds"] for b in builds),
        "peak_mib": max(b["peak_mib"] for b in builds),
        **build.output_stats(site),
    }
    _say(f"{variant} {scale}×: {out['build_seconds']:.1f} s, {out['output_bytes'] / 2**20:.1f} MiB; browser")
    visits = [measure.first_visit(site, f"objectives/{_middle_objective(site)}/") for _ in range(3)]
    visits.sort(key=lambda v: v["before_fcp_bytes"])
    out["first_visit"] = dict(visits[1], before_fcp_bytes_runs=[v["before_fcp_bytes"] for v in visits])
    if scale == 1 and variant == "site":
        _say("site 1×: mkdocs serve live reload")
        out["serve_reload_seconds"] = [round(s, 2) for s in measure.serve_reload(copy, edits=5)]
        out["lighthouse"] = lighthouse.scores(site)
    shutil.rmtree(site, ignore_errors=True)  # the default at 100× is gigabytes
    return out


def environment() -> dict:
    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "?"

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "commit": commit.stdout.strip() or "?",
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "mkdocs-material": version("mkdocs-material"),
        "mkdocs-static-i18n": version("mkdocs-static-i18n"),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description="Benchmark the site against the stock default.")
    parser.add_argument("--full", action="store_true", help="also build the default at 100× (slow, ~4 GB)")
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument("--runs", type=int, default=3, help="builds per variant at 1× and 10× (median)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--out", type=Path, default=ROOT / "bench")
    args = parser.parse_args()
    work = Path(os.environ.get("BENCH_DIR") or tempfile.mkdtemp(prefix="bf-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results = {"environment": environment(), "full": args.full, "scales": {}}
    try:
        for scale in (int(s) for s in args.scales.split(",")):
            entry = {"objectives_per_language": 26 * scale}
            for variant in ("site", "default"):
                if variant == "default" and scale >= 100 and not args.full:
                    continue
                # The default at 100× takes minutes: one build. Ours takes seconds: the median, as below 100×.
                runs = 1 if variant == "default" and scale >= 100 else args.runs
                entry[variant] = measure_variant(variant, scale, work, runs)
            results["scales"][str(scale)] = entry
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    markdown = report.markdown(results)
    (args.out / "results.md").write_text(markdown, encoding="utf-8")
    print(markdown)
    return 0 if report.all_met(results) else 1


if __name__ == "__main__":
    sys.exit(main())
