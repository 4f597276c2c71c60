"""Nothing runs that we did not write: a scan of every published HTML file.

Fails on any on*= event attribute, any javascript:/data:/vbscript: URL in an
attribute (after entity decoding and the whitespace browsers ignore), any
<iframe>/<frame>/<object>/<embed>/<applet>, and any script that is neither
the theme's (identical to a file, or to an inline script in a template, of
the installed Material) nor the site's own (a file from overrides/). Every
page carries a Content-Security-Policy <meta> at the top of <head> whose
script-src has no 'unsafe-inline' and lists the hash of each inline script.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import material
import pytest
from bs4 import BeautifulSoup

from bicentennial.publish import csp
from support.site import ROOT
from support.sitefiles import html_files

THEME = Path(material.__file__).parent / "templates"
OWN = ROOT / "overrides"
EMBEDS = ("iframe", "frame", "frameset", "object", "embed", "applet")
BAD_SCHEME = re.compile(r"^(javascript|data|vbscript):", re.I)
DATA_TYPES = {"application/json", "application/ld+json"}  # data blocks: never executed
JS_TYPES = {"", "module", "text/javascript", "application/javascript"}


def theme_inline_scripts() -> list[re.Pattern]:
    """Material's own inline scripts as patterns (Jinja expressions become wildcards); no analytics."""
    patterns = []
    for tpl in THEME.rglob("*.html"):
        if "integrations" in tpl.parts:
            continue  # analytics: tracking is exactly what the site must not run
        for body in re.findall(r"<script>(.*?)</script>", tpl.read_text(encoding="utf-8"), re.S):
            parts = re.split(r"\{\{.*?\}\}", body)
            patterns.append(re.compile(r"[^\"'<>]*".join(re.escape(p) for p in parts)))
    assert patterns, f"no inline scripts found in {THEME}"
    return patterns


def allowed_script_files() -> dict[str, set[bytes]]:
    """Bytes of every script file the theme ships or the site wrote, keyed by assets/... path."""
    out: dict[str, set[bytes]] = {}
    for base in (THEME, OWN):
        for f in (base / "assets").rglob("*.js"):
            out.setdefault(f.relative_to(base).as_posix(), set()).add(f.read_bytes())
    return out


def script_file_problems(src: str, rel: str, site: Path, files) -> list[str]:
    """A script URL on page `rel` must be a file of the theme's or the site's own, on this site."""
    if re.match(r"^[a-z][a-z0-9+.-]*:|^//", src, re.I):
        return [f"{rel}: script from another origin: {src}"]
    path = src.split("?")[0].split("#")[0]
    target = (site / path.lstrip("/") if path.startswith("/") else (site / rel).parent / path).resolve()
    key = target.relative_to(site.resolve()).as_posix() if target.is_relative_to(site.resolve()) else src
    if not target.is_file() or target.read_bytes() not in files.get(key, set()):
        return [f"{rel}: script {src} is neither the theme's nor the site's own"]
    return []


def scan(html: str, rel: str, site: Path, theme_scripts, files) -> list[str]:
    problems = []
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(True):
        if tag.name in EMBEDS:
            problems.append(f"{rel}: <{tag.name}> element")
        for name, value in tag.attrs.items():
            if name.lower().startswith("on"):
                problems.append(f"{rel}: {name}= attribute on <{tag.name}>")
            for v in value if isinstance(value, list) else [value]:
                if BAD_SCHEME.match(re.sub(r"[\x00-\x20]", "", v)):
                    problems.append(f"{rel}: {name}={v[:40]!r} on <{tag.name}>")
    for script in soup.find_all("script"):
        kind = (script.get("type") or "").lower()
        src = script.get("src")
        for loaded in (script.get("data-bf-scripts") or "").split():  # bf-boot.js inserts these
            problems += script_file_problems(loaded, rel, site, files)
        if src:
            problems += script_file_problems(src, rel, site, files)
        elif kind in DATA_TYPES:
            try:
                json.loads(script.string or "")
            except ValueError:
                problems.append(f"{rel}: a {kind} block that is not JSON")
        elif kind in JS_TYPES:
            body = script.string or ""
            if not any(p.fullmatch(body) for p in theme_scripts):
                problems.append(f"{rel}: inline script not from the theme: {body[:60]!r}")
        else:
            problems.append(f"{rel}: script of unexpected type {kind!r}")
    return problems


def check_policy(html: str, rel: str) -> list[str]:
    head = re.search(r"<head\b[^>]*>(.*?)</head>", html, re.S | re.I)
    if not head:
        return [f"{rel}: no <head>"]
    tags = re.findall(r"<(?!!--)[a-z][^>]*>", head.group(1), re.I)
    metas = [i for i, t in enumerate(tags) if 'http-equiv="Content-Security-Policy"' in t]
    if len(metas) != 1:
        return [f"{rel}: {len(metas)} Content-Security-Policy <meta> tags, expected 1"]
    i = metas[0]
    if not (i == 0 or (i == 1 and re.match(r"<meta\s+charset", tags[0], re.I))):
        return [f"{rel}: the policy is not first in <head> (after <meta charset>): preceded by {tags[:i]}"]
    content = re.search(r'content="([^"]*)"', tags[i]).group(1)
    directives = {d.split()[0]: d.split()[1:] for d in content.split(";") if d.strip()}
    script_src = directives.get("script-src", directives.get("default-src", []))
    problems = []
    if "'unsafe-inline'" in script_src or "'unsafe-eval'" in script_src or "*" in script_src:
        problems.append(f"{rel}: script-src allows {script_src}")
    for needed in ("object-src", "base-uri", "default-src"):
        if needed not in directives:
            problems.append(f"{rel}: the policy has no {needed}")
    for body in csp.inline_scripts(html):
        if csp.script_hash(body) not in script_src:
            problems.append(f"{rel}: inline script {body[:40]!r} is not hashed in script-src: it would be blocked")
    return problems


def test_nothing_runs_that_we_did_not_write(site):
    theme_scripts, files = theme_inline_scripts(), allowed_script_files()
    pages = html_files(site)
    assert len(pages) >= 80, f"expected the whole site, found {len(pages)} pages"
    problems = []
    for f in pages:
        rel = f.relative_to(site).as_posix()
        html = f.read_text(encoding="utf-8")
        problems += scan(html, rel, site, theme_scripts, files)
        problems += check_policy(html, rel)
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:80])


@pytest.mark.parametrize("planted", [
    '<a href="#" onclick="x()">a</a>',
    '<img src="a.png" ONERROR="x()" alt="">',
    '<a href="&#106;avascript&#58;alert(1)">a</a>',
    '<a href=" java\tscript:alert(1)">a</a>',
    '<a href="VBScript:msgbox">a</a>',
    '<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="">',
    '<iframe src="https://example.org/"></iframe>',
    '<object data="x.swf"></object>',
    '<embed src="x.swf">',
    '<script>alert(1)</script>',
    '<script src="https://cdn.example.org/x.js"></script>',
    '<script src="assets/javascripts/evil.js"></script>',
    '<script type="text/x-template">x</script>',
    '<script src="assets/javascripts/bf-boot.js" data-bf-scripts="assets/javascripts/evil.js" defer></script>',
    '<script src="assets/javascripts/bf-boot.js" data-bf-scripts="//cdn.example.org/x.js" defer></script>',
])
def test_the_scan_catches_planted_content(tmp_path, planted):
    (tmp_path / "assets" / "javascripts").mkdir(parents=True)
    (tmp_path / "assets" / "javascripts" / "evil.js").write_text("alert(1)")
    boot = "assets/javascripts/bf-boot.js"
    (tmp_path / boot).write_bytes((OWN / boot).read_bytes())
    loader = f'<script src="{boot}" data-bf-scripts="{boot}" defer></script>'  # the loader, listing only our files
    assert not scan(f"<html><body>{loader}</body></html>", "index.html", tmp_path, [], allowed_script_files())
    html = f"<!doctype html><html><head></head><body>{planted}</body></html>"
    assert scan(html, "index.html", tmp_path, theme_inline_scripts(), allowed_script_files())


def test_the_policy_check_catches_a_bad_policy():
    page = '<html><head><meta charset="utf-8"><script>var a=1</script></head><body></body></html>'
    assert check_policy(page, "p")  # no policy at all
    good = csp.add_meta(page)
    assert not check_policy(good, "p")
    assert csp.add_meta(good) == good  # re-applied (once per page, once per site): one policy, unchanged
    assert check_policy(good.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"), "p")
    assert check_policy(good.replace("var a=1", "var a=2"), "p")  # a changed script no longer matches its hash
    late = good.replace('<meta charset="utf-8">', '<meta charset="utf-8"><link rel="stylesheet" href="x.css">')
    assert check_policy(late, "p")  # a style sheet before the policy escapes it
