"""The files GitHub Pages and crawlers look for at the site's root.

- ``.nojekyll``: the site is already built; Pages must not run Jekyll on it
  (Jekyll would drop folders and files whose names start with ``_``).
- ``robots.txt``: everything may be crawled; it names the sitemap's
  absolute address. (Crawlers read it only at a host's root, so it counts for
  a custom domain or a user site, not for a ``/REPO/`` project site.)
- ``CNAME``: written only when a custom domain is configured (``PAGES_CNAME``),
  and only if the site's address (``SITE_URL``) uses that domain, so the
  two settings cannot disagree.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


class HostingError(ValueError):
    """The publishing settings contradict each other."""


def robots(site_url: str) -> str:
    return f"User-agent: *\nDisallow:\n\nSitemap: {site_url}sitemap.xml\n"


def check_cname(cname: str, site_url: str) -> str:
    domain = cname.strip().lower()
    if not _DOMAIN.match(domain):
        raise HostingError(f"PAGES_CNAME={cname!r} is not a domain name (example: docs.example.org)")
    host = (urlsplit(site_url).hostname or "").lower()
    if host != domain:
        raise HostingError(f"PAGES_CNAME is {domain} but SITE_URL is {site_url}: "
                           f"set SITE_URL=https://{domain}/ as well")
    return domain


def write(site_dir: Path, site_url: str, cname: str | None = None) -> list[Path]:
    """Write the root files; `site_url` ends in "/"."""
    files = {".nojekyll": "", "robots.txt": robots(site_url)}
    if cname:
        files["CNAME"] = check_cname(cname, site_url) + "\n"
    else:
        (site_dir / "CNAME").unlink(missing_ok=True)
    for name, text in files.items():
        (site_dir / name).write_text(text, encoding="utf-8")
    return [site_dir / name for name in files]
