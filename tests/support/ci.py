"""The one place that decides what a test does when something it needs is missing.

A test whose tool is missing fails, with the reason and what to install: `make
test` gets everything first (tools/provision.sh), so its summary shows 0
skipped. It skips instead only when asked: `make test-fast` sets
``BF_ALLOW_SKIP=1``, and even then never under ``CI=true`` (the Pages
workflow, `.ci/run`), so a green CI run never hides a check that did not run.
Every skip in the suite goes through
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


def skip_allowed() -> bool:
    """Only `make test-fast` (BF_ALLOW_SKIP=1) may skip, and never under CI=true."""
    return os.environ.get("BF_ALLOW_SKIP", "") == "1" and not under_ci()


def unavailable(what: str, reason: str) -> NoReturn:
    """`what` (e.g. "Browser tests") cannot run here because of `reason`: fail, or skip under `make test-fast`."""
    if under_ci():
        pytest.fail(f"{what} cannot run under CI=true: {reason}", pytrace=False)
    if not skip_allowed():
        pytest.fail(f"{what} cannot run here: {reason}. `make test` gets what the suite needs "
                    "(tools/provision.sh); `make test-fast` skips what cannot run.", pytrace=False)
    pytest.skip(f"{SKIP_PREFIX} {what}: {reason}")


def require(condition: bool, what: str, reason: str) -> None:
    """Go on if `condition` holds; otherwise `unavailable(what, reason)`."""
    if not condition:
        unavailable(what, reason)
