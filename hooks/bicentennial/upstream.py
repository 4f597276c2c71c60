"""The one error raised when MkDocs, Material or static-i18n no longer behaves as the build assumes.

Material for MkDocs is in its final maintenance period (end of life on May 5,
2027) and MkDocs 1.x is unmaintained, so every place that matches upstream
HTML or relies on an upstream name or flag checks that it found what it
expected and otherwise raises ``UpstreamChanged``: one line naming the
package, its installed version, what was expected and which of our modules
relies on it. Never a silent no-op: a step that quietly stopped working would
publish a site without its security policy, its search fixes or its light
first visit. tests/contract/ breaks each assumption on purpose and checks
that this error is what the build says.

The adapter turns it into MkDocs' PluginError (a message, no traceback).
"""

from __future__ import annotations

from importlib import metadata

NAMES = {
    "mkdocs": "MkDocs",
    "mkdocs-material": "Material for MkDocs",
    "mkdocs-static-i18n": "mkdocs-static-i18n",
}


def version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "(not installed)"


class UpstreamChanged(RuntimeError):
    """An upstream package no longer does what `where` relies on."""

    def __init__(self, package: str, expected: str, where: str):
        self.package, self.expected, self.where = package, expected, where
        super().__init__(
            f"{NAMES.get(package, package)} {version(package)}: expected {expected}, but it is not so "
            f"({where} relies on it). Pin the last version that worked in requirements/site.in, "
            f"or update {where} and its test in tests/contract/.")


def require(condition: bool, package: str, expected: str, where: str) -> None:
    """Raise UpstreamChanged unless `condition` holds."""
    if not condition:
        raise UpstreamChanged(package, expected, where)
