"""`make audit`: Lighthouse on the built site, served locally, into reports/lighthouse.md.

An audit, not a unit test: it builds the site into a temporary folder with
site_url set to a local address, serves it gzip-compressed (as GitHub Pages
does), and runs Lighthouse 12.2.3 (tools/lighthouse/, `npm ci` there) on the
home, a goal, an area and an objective page in both languages, on mobile and
desktop. It writes the four category scores per run, and every audit that
kept accessibility, best practices or SEO below 100, to reports/lighthouse.md.

Exit status: 0 when the report was written; with --fail-under N, 1 when an
accessibility, best-practices or SEO score is below N.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import gzip_server  # noqa: E402

LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
REPORT = ROOT / "reports" / "lighthouse.md"
PAGES = ["", "goals/1/", "areas/2.1/", "objectives/2.1.3/"]
CATEGORIES = {"performance": "Performance", "accessibility": "Accessibility",
              "best-practices": "Best practices", "seo": "SEO"}
TARGETED = ("accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"


def build(dest: Path, base: str) -> None:
    env = dict(os.environ, SITE_DIR=str(dest), SITE_URL=base)
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "build.py")], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"audit: the build failed: {result.stderr.strip()[-2000:]}")


def lighthouse(url: str, form: str, categories=tuple(CATEGORIES), binary: Path | str = LIGHTHOUSE) -> dict:
    """One Lighthouse run (`form`: mobile or desktop); its JSON report. Also used by make bench."""
    with tempfile.TemporaryDirectory(prefix="bf-lh-") as tmp:
        out = Path(tmp) / "report.json"
        cmd = [str(binary), url, "--quiet", "--output=json", f"--output-path={out}",
               f"--only-categories={','.join(categories)}", f"--chrome-flags={CHROME_FLAGS}"]
        if form == "desktop":
            cmd.append("--preset=desktop")
        env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
        result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
        if result.returncode != 0 or not out.exists():
            raise RuntimeError(f"Lighthouse failed on {url} ({form}): {result.stderr.strip()[-2000:]}")
        return json.loads(out.read_text(encoding="utf-8"))


def summarize(report: dict) -> tuple[dict[str, int], list[str]]:
    """Scores (0–100) per category, and the audits that cost a targeted category points."""
    scores = {k: round((report["categories"][k]["score"] or 0) * 100) for k in CATEGORIES}
    lost = []
    for cat in TARGETED:
        for ref in report["categories"][cat]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                lost.append(f"{CATEGORIES[cat]}: `{ref['id']}`: {audit['title']}")
    return scores, lost


def write_report(rows: list[tuple[str, str, dict, list]], versions: dict[str, str]) -> None:
    lines = [
        "# Lighthouse audit",
        "",
        "Written by `make audit` (tools/audit.py): Lighthouse "
        f"{versions['lighthouse']} in {versions['browser']}, headless, against a fresh build served "
        "locally with gzip (as GitHub Pages serves it). Mobile is Lighthouse's default (emulated "
        "Moto G Power, slow 4G, 4× CPU slowdown); desktop is `--preset=desktop`. Performance depends on "
        "the machine and its load; the other three do not.",
        "",
        "Target: accessibility, best practices and SEO 100 on every page.",
        "",
        "| page | device | " + " | ".join(CATEGORIES.values()) + " |",
        "| --- | --- | " + " | ".join("---:" for _ in CATEGORIES) + " |",
    ]
    for page, form, scores, _ in rows:
        lines.append(f"| `/{page}` | {form} | " + " | ".join(str(scores[k]) for k in CATEGORIES) + " |")
    lost = sorted({f"- `/{page}` ({form}): {item}" for page, form, _, items in rows for item in items})
    lines += ["", "## Below 100 in accessibility, best practices or SEO", ""]
    lines += lost or ["None: every page scored 100 in all three."]
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fail-under", type=int, default=0,
                        help="exit 1 if accessibility, best practices or SEO is below this anywhere")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("audit: Lighthouse is not installed: cd tools/lighthouse && npm ci")
    if not shutil.which(os.environ.get("CHROME_PATH", "/usr/bin/chromium")):
        sys.exit("audit: Chromium not found (apt-get install chromium, or set CHROME_PATH)")
    port = gzip_server.free_port()
    base = f"http://127.0.0.1:{port}/"
    rows = []
    with tempfile.TemporaryDirectory(prefix="bf-audit-") as tmp:
        site = Path(tmp) / "site"
        print(f"audit: building for {base} …", flush=True)
        build(site, base)
        server = gzip_server.serve(site, port=port)
        versions = {}
        try:
            for lang in ("", "es/"):
                for page in PAGES:
                    for form in ("mobile", "desktop"):
                        url = base + lang + page
                        try:
                            report = lighthouse(url, form)
                        except RuntimeError as exc:
                            sys.exit(f"audit: {exc}")
                        versions = {"lighthouse": report["lighthouseVersion"],
                                    "browser": report["environment"]["hostUserAgent"].split(") ")[-1].split(" ")[0]}
                        scores, lost = summarize(report)
                        rows.append((lang + page, form, scores, lost))
                        print(f"audit: /{lang + page} {form}: " +
                              ", ".join(f"{CATEGORIES[k]} {v}" for k, v in scores.items()), flush=True)
        finally:
            server.shutdown()
    write_report(rows, versions)
    print(f"audit: wrote {REPORT.relative_to(ROOT)}")
    low = [(p, f, k, s[k]) for p, f, s, _ in rows for k in TARGETED if s[k] < args.fail_under]
    if low:
        for p, f, k, v in low:
            print(f"audit: /{p} ({f}): {CATEGORIES[k]} {v} < {args.fail_under}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
