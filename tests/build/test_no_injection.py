"""Nothing runs that we did not write: a scan of every published HTML file.

Fails on any on*= event attribute, any javascript:/data:/vbscript: URL in an
attribute (after entity decoding and the whitespace browsers ignore), any
<iframe>/<frame>/<object>/<embed>/<applet>, and any script that is neither
the theme's (identical to a file, or to an inline script in a template, of
the installed Material) nor the site's own (a file from overrides/). Every
page carries a Content-Security-Policy <meta> at the top of <head>, and the
test decides on its own what it must say (nothing of publish/csp.py is used
to judge a page): script-src exactly 'self' plus the SHA-256 of each inline
script the browser would run, computed here with hashlib over the scripts an
HTML parser finds; object-src 'none'; and in every other directive nothing
looser than 'self' (no scheme such as https: or data:, no host or *, no
'unsafe-*'), except data: images (Material's icons).
"""

from __future__ import annotations

import base64
import hashlib
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


# What the policy must say, written out here rather than read from publish/csp.py: only this site
# supplies anything; Material's icons are data: images in its CSS; inline scripts run by hash only.
REQUIRED = ("default-src", "script-src", "object-src", "base-uri", "form-action")
ALLOWED_SOURCES = {
    "default-src": {"'self'"}, "script-src": {"'self'"}, "style-src": {"'self'"}, "img-src": {"'self'", "data:"},
    "font-src": {"'self'"}, "connect-src": {"'self'"}, "worker-src": {"'self'"}, "manifest-src": {"'self'"},
    "media-src": {"'self'"}, "object-src": {"'none'"}, "base-uri": {"'self'"}, "form-action": {"'self'"},
    "frame-src": {"'none'"}, "child-src": {"'none'"},
}
# The MIME types a browser runs as JavaScript (HTML: "JavaScript MIME type essence match"), and modules.
RUN_AS_JS = {"", "module", "application/ecmascript", "application/javascript", "application/x-ecmascript",
             "application/x-javascript", "text/ecmascript", "text/javascript", "text/javascript1.0",
             "text/javascript1.1", "text/javascript1.2", "text/javascript1.3", "text/javascript1.4",
             "text/javascript1.5", "text/jscript", "text/livescript", "text/x-ecmascript", "text/x-javascript"}


def expected_hashes(html: str) -> list[str]:
    """The CSP source of every inline script the browser would run, computed here from the page's own text."""
    out = []
    for script in BeautifulSoup(html, "html.parser").find_all("script"):
        if script.has_attr("src") or (script.get("type") or "").strip().lower() not in RUN_AS_JS:
            continue
        digest = hashlib.sha256((script.string or "").encode("utf-8")).digest()
        out.append("'sha256-" + base64.b64encode(digest).decode("ascii") + "'")
    return out


def check_policy(html: str, rel: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    if soup.head is None:
        return [f"{rel}: no <head>"]
    metas = [m for m in soup.find_all("meta") if (m.get("http-equiv") or "").strip().lower() == "content-security-policy"]
    if len(metas) != 1 or metas[0].find_parent("head") is None:
        return [f"{rel}: {len(metas)} Content-Security-Policy <meta> tags, expected 1 in <head>"]
    tags = soup.head.find_all(True)
    i = tags.index(metas[0])
    if not (i == 0 or (i == 1 and tags[0].name == "meta" and tags[0].has_attr("charset"))):
        return [f"{rel}: the policy is not first in <head> (after <meta charset>): preceded by {tags[:i]}"]
    problems = []
    directives: dict[str, list[str]] = {}
    for part in metas[0].get("content", "").split(";"):
        if not part.strip():
            continue
        name, *sources = part.split()
        name = name.lower()
        if name in directives:
            problems.append(f"{rel}: {name} twice (the browser obeys the first)")
            continue
        directives[name] = sources
    problems += [f"{rel}: the policy has no {name}" for name in REQUIRED if name not in directives]
    for name, sources in directives.items():
        if name not in ALLOWED_SOURCES:
            problems.append(f"{rel}: unexpected directive {name} {' '.join(sources)}")
            continue
        allowed = ALLOWED_SOURCES[name]
        loose = [src for src in sources if src not in allowed and not (name == "script-src" and src.startswith("'sha256-"))]
        if loose:
            problems.append(f"{rel}: {name} allows {' '.join(loose)} (only {' '.join(sorted(allowed))} may be listed)")
        if len(set(sources)) != len(sources) or not sources:
            problems.append(f"{rel}: {name} {' '.join(sources)!r}: empty or repeated sources")
    if directives.get("object-src") != ["'none'"]:
        problems.append(f"{rel}: object-src must be exactly 'none', not {directives.get('object-src')}")
    script_src = directives.get("script-src", [])
    hashes = expected_hashes(html)
    if sorted(set(script_src)) != sorted({"'self'", *hashes}):
        missing = sorted(set(hashes) - set(script_src))
        extra = sorted(set(script_src) - set(hashes) - {"'self'"})
        problems.append(f"{rel}: script-src must be exactly 'self' and the hashes of the page's {len(hashes)} inline "
                        f"scripts: missing {missing} (those scripts are blocked), extra {extra}")
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


PAGE = ('<!doctype html><html><head><meta charset="utf-8">{meta}<link rel="stylesheet" href="x.css">'
        '<script>var a=1</script><script type="module">import "./m.js"</script>'
        '<script id="__config" type="application/json">{{"a": 1}}</script><script src="x.js"></script>'
        '</head><body><script>\n  var b = "é<\\/p>";\n</script></body></html>')


def policy_page(policy: str) -> str:
    return PAGE.format(meta=f'<meta http-equiv="Content-Security-Policy" content="{policy}">')


def good_policy(**change: str) -> str:
    directives = {"default-src": "'self'", "script-src": "'self' " + " ".join(expected_hashes(PAGE.format(meta=""))),
                  "style-src": "'self'", "img-src": "'self' data:", "font-src": "'self'", "connect-src": "'self'",
                  "worker-src": "'self'", "manifest-src": "'self'", "object-src": "'none'", "base-uri": "'self'",
                  "form-action": "'self'"}
    directives.update({k.replace("_", "-"): v for k, v in change.items()})
    return "; ".join(f"{k} {v}" for k, v in directives.items() if v is not None)


def test_the_expected_hashes_are_those_of_the_scripts_a_browser_runs():
    hashes = expected_hashes(PAGE.format(meta=""))
    # Three scripts run (two classic, one module); the JSON block and the file do not need a hash.
    assert len(hashes) == 3
    # The SHA-256 of the exact text between the tags, UTF-8 (CSP Level 3), as `openssl dgst -sha256 -binary |
    # base64` gives it: known values, not computed by the code under test.
    assert "'sha256-WazVQOu5lmXfSreSrMJd1CsaQ4c00fUQpJfBYCuMSIw='" in hashes  # var a=1
    assert "'sha256-sq3AMqQM8f5ghUtXYtm8DJ524g2uozK31X3sFdb+9UA='" in hashes  # the body's script, newlines and é
    assert not check_policy(policy_page(good_policy()), "p")


@pytest.mark.parametrize("change, said", [
    ({"script_src": "'self'"}, "missing"),                                   # a hash left out: that script is blocked
    ({"script_src": "'self' 'sha256-AAAA'"}, "script-src"),                   # wrong hashes
    ({"script_src": None}, "no script-src"),
    ({"script_src": "'self' 'unsafe-inline'"}, "unsafe-inline"),
    ({"script_src": "'self' https: " + " ".join(expected_hashes(PAGE.format(meta="")))}, "script-src allows https:"),
    ({"connect_src": "'self' https:"}, "connect-src allows https:"),
    ({"connect_src": "'self' http:"}, "connect-src allows http:"),
    ({"img_src": "*"}, "img-src allows *"),
    ({"font_src": "'self' *.example.org"}, "font-src allows *.example.org"),
    ({"style_src": "'self' 'unsafe-inline'"}, "style-src allows 'unsafe-inline'"),
    ({"default_src": "'self' 'unsafe-eval'"}, "default-src allows 'unsafe-eval'"),
    ({"worker_src": "'self' blob:"}, "worker-src allows blob:"),
    ({"script_src": "'self' data: " + " ".join(expected_hashes(PAGE.format(meta="")))}, "script-src allows data:"),
    ({"object_src": "'self'"}, "object-src"),
    ({"object_src": None}, "object-src"),
    ({"base_uri": None}, "no base-uri"),
    ({"frame_src": "https://example.org"}, "frame-src allows https://example.org"),
    ({"sandbox": ""}, "unexpected directive"),
])
def test_the_policy_check_catches_a_loose_policy(change, said):
    problems = check_policy(policy_page(good_policy(**change)), "p")
    assert any(said in p for p in problems), problems


def test_the_policy_check_catches_a_misplaced_policy():
    meta = f'<meta http-equiv="Content-Security-Policy" content="{good_policy()}">'
    assert check_policy(PAGE.format(meta=""), "p")  # no policy at all
    late = PAGE.format(meta="").replace('<link rel="stylesheet" href="x.css">', '<link rel="stylesheet" href="x.css">' + meta)
    assert any("not first" in p for p in check_policy(late, "p"))  # a style sheet before the policy escapes it
    twice = PAGE.format(meta=meta + meta)
    assert any("2 Content-Security-Policy" in p for p in check_policy(twice, "p"))
    in_body = PAGE.format(meta="").replace("<body>", "<body>" + meta)
    assert check_policy(in_body, "p")  # a policy in <body> does not count


def test_the_build_step_writes_a_policy_the_check_accepts():
    """publish/csp.py on a page with every kind of script: its output passes the independent check."""
    good = csp.add_meta(PAGE.format(meta=""))
    assert not check_policy(good, "p"), check_policy(good, "p")
    assert csp.add_meta(good) == good  # re-applied (once per page, once per site): one policy, unchanged
    assert check_policy(good.replace("var a=1", "var a=2"), "p")  # a changed script no longer matches its hash
