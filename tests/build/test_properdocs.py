"""The tested way off MkDocs 1.x: the same site built with ProperDocs (`make build-properdocs`).

ProperDocs is the maintained continuation of MkDocs 1.6 (module `properdocs`;
it redirects every `mkdocs` import to itself). Its own venv,
.venv-properdocs, comes from requirements/properdocs.txt (MkDocs is there as
Material's dependency, and static-i18n reads its search languages from that
distribution's files; every `mkdocs` import resolves to ProperDocs). The two
builds, for the same address, must publish the same files with the same
bytes; the one expected difference is listed and explained here.
"""

from __future__ import annotations

import difflib
import os
import subprocess

import pytest

from support.site import ROOT, digest

PD_PYTHON = ROOT / ".venv-properdocs" / "bin" / "python"

# Each line a ProperDocs build may write differently from the MkDocs build, and why.
EXPECTED = {
    # Material names the generator in every page's head (mkdocs.yml's `generator: false` only
    # drops the footer line); ProperDocs reports itself there.
    '<meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.8.2">':
        '<meta name="generator" content="mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.2">',
}


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory):
    if not PD_PYTHON.exists():
        pytest.fail(".venv-properdocs is missing: `make test` creates it (or `make build-properdocs`)")
    dest = tmp_path_factory.mktemp("properdocs") / "site"
    env = dict(os.environ, SITE_DIR=str(dest), BF_GENERATOR="properdocs")
    result = subprocess.run([str(PD_PYTHON), str(ROOT / "tools" / "build.py")], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    assert "properdocs" in subprocess.run([str(PD_PYTHON), "-c", "import properdocs.replacement, mkdocs; "
                                           "print(mkdocs.__name__, mkdocs.__file__)"],
                                          capture_output=True, text=True).stdout
    return dest


def test_in_the_properdocs_build_every_mkdocs_import_is_properdocs():
    if not PD_PYTHON.exists():
        pytest.fail(".venv-properdocs is missing (make test creates it)")
    code = ("import runpy, sys; sys.argv = ['properdocs', '--version']; import properdocs.__main__; "
            "import mkdocs, mkdocs.commands.build as b, mkdocs.plugins as p; "
            "print(mkdocs.__name__, b.__name__, p.__name__)")
    out = subprocess.run([str(PD_PYTHON), "-c", code], capture_output=True, text=True)
    assert out.stdout.split() == ["properdocs", "properdocs.commands.build", "properdocs.plugins"], out.stderr


def test_properdocs_publishes_the_same_site(site, properdocs_site):
    ours, theirs = digest(site), digest(properdocs_site)
    assert len(ours) > 100
    assert sorted(set(ours) ^ set(theirs)) == []  # the same files
    unexplained = []
    for name in sorted(f for f in ours if ours[f] != theirs[f]):
        a = (site / name).read_text(encoding="utf-8").splitlines()
        b = (properdocs_site / name).read_text(encoding="utf-8").splitlines()
        unexplained += [f"{name}: {x!r} → {y!r}" for x, y in _changed_lines(a, b) if EXPECTED.get(x) != y]
    assert unexplained == [], "\n".join(unexplained[:20])


def _changed_lines(a: list[str], b: list[str]):
    """Pairs of (MkDocs line, ProperDocs line) that differ; whole blocks added or removed pair with ''."""
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        left, right = a[i1:i2], b[j1:j2]
        for k in range(max(len(left), len(right))):
            yield (left[k] if k < len(left) else ""), (right[k] if k < len(right) else "")
