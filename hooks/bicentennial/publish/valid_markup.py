"""Make Material's page markup valid HTML (Nu Html Checker, zero errors).

Material marks its hidden drawer and search checkboxes ``autocomplete="off"``
(so that Firefox does not restore an open drawer), but HTML allows
``autocomplete`` on text-like inputs only. Dropping it from checkboxes costs
at most this: after Back in Firefox, a drawer or search left open may show
open again (one click or Escape closes it).

Upstream contract (tests/contract/): Material's drawer is an
``<input … type="checkbox" …>``; were it written another way, the fix would
quietly do nothing, so ``fix`` raises UpstreamChanged if a page has the
drawer but no checkbox this module can read.
"""

from __future__ import annotations

import re

from bicentennial.upstream import require

_CHECKBOX = re.compile(r"<input\b[^>]*\btype=\"checkbox\"[^>]*>", re.I)
_AUTOCOMPLETE = re.compile(r"\s+autocomplete=\"[^\"]*\"", re.I)


def fix(html: str) -> str:
    html, found = _CHECKBOX.subn(lambda m: _AUTOCOMPLETE.sub("", m.group(0)), html)
    require(found or 'data-md-toggle="drawer"' not in html, "mkdocs-material",
            'its drawer toggle to be an <input … type="checkbox" …>', "hooks/bicentennial/publish/valid_markup.py")
    return html
