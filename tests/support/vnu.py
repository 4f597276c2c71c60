"""The Nu Html Checker (vnu-jar from npm): one JVM call for many files.

Missing Java or vnu-jar: support/ci.py decides (skip only when asked, else fail).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from support.ci import unavailable
from support.site import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _missing(reason: str):
    unavailable("The HTML check", reason)


def run_vnu(files: list[Path]) -> list[dict]:
    java = shutil.which("java")
    if not java:
        _missing("java not found (apt-get install default-jre-headless)")
    if not VNU.exists():
        _missing(f"{VNU.relative_to(ROOT)} not found (npm ci)")
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
                            capture_output=True, text=True, timeout=300)
    report = json.loads(result.stderr or result.stdout)  # vnu writes its report to stderr
    return [m for m in report["messages"] if m.get("type") in ("error", "non-document-error")]
