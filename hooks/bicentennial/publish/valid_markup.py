"""Make Material's page markup valid HTML (Nu Html Checker, zero errors).

Material marks its hidden drawer and search checkboxes ``autocomplete="off"``
(so that Firefox does not restore an open drawer), but HTML allows
``autocomplete`` on text-like inputs only. Dropping it from checkboxes costs
at most this: after Back in Firefox, a drawer or search left open may show
open again (one click or Escape closes it).
"""

from __future__ import annotations

import re

_CHECKBOX = re.compile(r"<input\b[^>]*\btype=\"checkbox\"[^>]*>", re.I)
_AUTOCOMPLETE = re.compile(r"\s+autocomplete=\"[^\"]*\"", re.I)


def fix(html: str) -> str:
    return _CHECKBOX.sub(lambda m: _AUTOCOMPLETE.sub("", m.group(0)), html)
