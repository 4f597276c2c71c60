"""The one place that decides what a test does when something it needs is missing.

Locally a test skips, with the reason and what to install; under ``CI=true``
(the Pages workflow, `.ci/run`) the same test fails instead, so a green CI run
never hides a check that did not run. Every skip in the suite goes through
``unavailable``: tests/unit/test_suite_rules.py refuses ``pytest.skip``,
``skipif``, ``importorskip`` and ``xfail`` anywhere else, and conftest.py fails
a CI session that reports any skipped test at all.
"""

from __future__ import annotations

import os
from typing import NoReturn

import pytest

SKIP_PREFIX = "SKIPPED (not available here)"


def under_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() == "true"


def unavailable(what: str, reason: str) -> NoReturn:
    """`what` (e.g. "Browser tests") cannot run here because of `reason`: skip locally, fail under CI=true."""
    if under_ci():
        pytest.fail(f"{what} cannot run under CI=true: {reason}", pytrace=False)
    pytest.skip(f"{SKIP_PREFIX} {what}: {reason}")


def require(condition: bool, what: str, reason: str) -> None:
    """Go on if `condition` holds; otherwise `unavailable(what, reason)`."""
    if not condition:
        unavailable(what, reason)
