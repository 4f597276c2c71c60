"""A Content-Security-Policy <meta> for each published page.

GitHub Pages cannot send headers, so the policy travels in the page itself.
Only our own origin may supply scripts, styles, fonts, images, search data
and the search worker; nothing may be framed, embedded or posted elsewhere.
Material needs a few small inline scripts (``__md_scope`` and friends): each
is allowed by the SHA-256 hash of its exact text, computed per page, so
``script-src`` never lists ``'unsafe-inline'`` and an injected script, which
cannot match a hash, does not run.

The tag goes at the top of <head>: directly after ``<meta charset>`` (which
must come first so that the parser never restarts) and before every script,
style sheet and link, since a meta policy only governs what follows it.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from pathlib import Path
from typing import Callable, Iterable

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
_HEAD = re.compile(r"<head\b[^>]*>", re.I)
_OLD_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>')
_CHARSET = re.compile(r"\s*<meta\s+charset\s*=\s*[\"']?utf-8[\"']?\s*/?>", re.I)
_JS_TYPES = {"", "module", "text/javascript", "application/javascript", "text/ecmascript", "application/ecmascript"}

BASE_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],  # Material's icons are data: SVGs in its CSS (mask-image)
    "font-src": ["'self'"],
    "connect-src": ["'self'"],       # the search index
    "worker-src": ["'self'"],        # the search worker
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script the browser would execute, in page order."""
    out = []
    for attrs, body in _SCRIPT.findall(html):
        if _SRC.search(attrs):
            continue
        m = _TYPE.search(attrs)
        if (m.group(1).lower() if m else "") in _JS_TYPES:
            out.append(body)
    return out


@functools.lru_cache(maxsize=256)  # the same few scripts on every page
def script_hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"


def policy_for(html: str) -> str:
    policy = {k: list(v) for k, v in BASE_POLICY.items()}
    for body in inline_scripts(html):
        h = script_hash(body)
        if h not in policy["script-src"]:
            policy["script-src"].append(h)
    return "; ".join(f"{k} {' '.join(v)}" for k, v in policy.items())


def add_meta(html: str) -> str:
    """Return the page with its policy <meta> at the top of <head> (replacing any earlier one)."""
    for old in reversed(list(_OLD_POLICY.finditer(html))):  # with the blank space before it (a leading `\s*` in
        html = html[:old.start()].rstrip() + html[old.end():]  # the pattern made this 6% of the 100× build)
    head = _HEAD.search(html)
    if head is None:
        raise ValueError("page has no <head>: cannot add its Content-Security-Policy")
    at = head.end()
    charset = _CHARSET.match(html, at)
    if charset:
        at = charset.end()
    meta = f'\n<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
    return html[:at] + meta + html[at:]


def apply_to_site(site_dir: Path, before: Callable[[str], str] = lambda html: html,
                  paths: Iterable[Path] | None = None) -> int:
    """Re-apply the policy to HTML files under site_dir (`paths`, default all); return how many changed.

    Pages that never pass through a per-page hook (Material's 404.html) or that
    a site-wide step rewrote after it must carry a policy matching their final
    scripts too. `before` runs first on each page (the markup fixes). The
    build passes only the files its per-page hook did not finish: re-reading
    every page cost seconds at 100× (bench/).
    """
    changed = 0
    for path in sorted(site_dir.rglob("*.html") if paths is None else paths):
        old = path.read_text(encoding="utf-8")
        new = add_meta(before(old))
        if new != old:
            path.write_text(new, encoding="utf-8")
            changed += 1
    return changed
