"""axe-core in the browser tests: the sizes pages are checked at, the options, and a readable report."""

from __future__ import annotations

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
# Every rule axe enables by default (WCAG 2.0/2.1/2.2 A and AA, Section 508, best practices), all impacts.
AXE_OPTIONS = {"resultTypes": ["violations"]}


def describe(url: str, size: str, violations: list[dict]) -> list[str]:
    out = []
    for v in violations:
        targets = ", ".join(" ".join(n["target"]) if isinstance(n["target"], list) else str(n["target"])
                            for n in v["nodes"][:3])
        out.append(f"/{url} [{size}] {v['id']} ({v['impact']}): {v['help']} — {targets}")
    return out
