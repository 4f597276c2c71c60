"""The test tiers mirror the build's layout, and a plain `pytest` (what `make test` runs) collects all of them."""

from __future__ import annotations

import subprocess
import sys

from support.site import ROOT


def test_a_plain_pytest_collects_every_test_file_of_every_tier():
    # pytest's default norecursedirs skips folders named `build`: pyproject.toml must not.
    result = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    collected = {line.split("::", 1)[0] for line in result.stdout.splitlines() if "::" in line}
    on_disk = {p.relative_to(ROOT).as_posix() for p in (ROOT / "tests").rglob("test_*.py")}
    assert on_disk and collected == on_disk, sorted(on_disk ^ collected)
    assert {p.split("/")[1] for p in on_disk} >= {"unit", "build", "browser", "contract"}
