"""Reproducible: two builds of the same tree are byte-identical.

The second build runs seconds later, in another folder, with another hash
seed, time zone and locale, so anything that depends on the clock, the
output path, set ordering or the environment shows up as a difference.
tools/build.py fixes SOURCE_DATE_EPOCH (dates in sitemaps and archives).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from support.site import build_site


def digest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path):
    first, second = tmp_path / "one" / "site", tmp_path / "two" / "elsewhere"
    r1 = build_site(first, PYTHONHASHSEED="1", TZ="UTC", LC_ALL="C.UTF-8")
    assert r1.returncode == 0, r1.stderr[-3000:]
    r2 = build_site(second, PYTHONHASHSEED="2", TZ="America/Mexico_City", LC_ALL="C")
    assert r2.returncode == 0, r2.stderr[-3000:]
    a, b = digest(first), digest(second)
    assert len(a) > 100, "the build published suspiciously few files"
    only = sorted(set(a) ^ set(b))
    assert not only, f"files in only one build: {only}"
    differ = sorted(f for f in a if a[f] != b[f])
    assert not differ, f"{len(differ)} files differ between two builds: {differ[:20]}"


def test_digest_sees_a_one_byte_change(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.html").write_bytes(b"<p>1</p>")
    before = digest(tmp_path)
    (tmp_path / "a" / "x.html").write_bytes(b"<p>2</p>")
    assert digest(tmp_path) != before
