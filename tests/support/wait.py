"""Waiting on a condition outside a browser (in a browser: page.wait_for_function or Playwright's expect).

Tests never sleep for a fixed time before they look (tests/unit/test_suite_rules.py
refuses time.sleep and wait_for_timeout in test files): on a busy machine a fixed
pause is too short, on an idle one it is time lost. `until` polls a condition
and returns its value as soon as it holds, or fails with what it waited for.
"""

from __future__ import annotations

import time
from typing import Callable, TypeVar

T = TypeVar("T")


def until(condition: Callable[[], T], what: str, timeout: float = 30.0, every: float = 0.05) -> T:
    """Return condition()'s first truthy value; fail after `timeout` seconds saying `what` never happened."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise AssertionError(f"waited {timeout:g} s for {what}, in vain")
        time.sleep(every)
