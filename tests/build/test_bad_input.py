"""Bad input is refused whole: the real `make build` on broken copies of the data.

Each variant is a copy of data/framework.yaml with one thing broken. For each,
`make build` (BF_DATA=<the copy>, SITE_DIR=<a site from a good build>) must
exit non-zero, print ONE line naming the file, the line where one is
meaningful, and the problem, and leave the previously built site exactly as
it was, with no temporary folder left beside it.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from support.site import ROOT

GOOD = (ROOT / "data" / "framework.yaml").read_text(encoding="utf-8")


def _swap(old: str, new: str, count: int = 1) -> str:
    assert GOOD.count(old) >= 1, f"the data file no longer contains {old!r}: update this variant"
    return GOOD.replace(old, new, count)


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


ALIASES = "".join(f"k{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9) if i else 'x'}]\n" for i in range(9))

# name: (file bytes, the line the message must name or None, a regex the message must match)
VARIANTS = {
    "syntax error": (lambda: _swap("en: Protect Our People", "en: Protect: Our People"), "Protect: Our",
                     r"YAML syntax error: mapping values are not allowed here"),
    "unclosed bracket": (lambda: _swap("    title:\n      en: Protect Our People", "    title: [\n      en: Protect Our People"),
                         "      es: Proteger a nuestra gente", r"YAML syntax error: .*\(while parsing a flow sequence that starts on line \d+\)"),
    "tab indentation": (lambda: _swap("\n      en: Protect Our People", "\n\t  en: Protect Our People"),
                        "\t  en: Protect", r"tab"),
    "duplicate key": (lambda: _swap('  - id: "1"\n', '  - id: "1"\n    id: "1"\n'), '    id: "1"\n', r"duplicate key 'id'"),
    "duplicate ID": (lambda: _swap('id: "1.1.2"', 'id: "1.1.1"'), None, r"duplicate ID '1\.1\.1'"),
    "unquoted 1.10": (lambda: _swap('id: "1.1"', "id: 1.10"), "id: 1.10", r"ID 1\.10 is not a quoted string"),
    "missing es": (lambda: _swap("      es: Proteger a nuestra gente\n", ""), None, r"\.es: missing"),
    "empty en": (lambda: _swap("en: Protect Our People", 'en: ""'), 'en: ""', r"empty text"),
    "unknown field": (lambda: _swap('  - id: "1"\n', '  - id: "1"\n    colour: blue\n'), "colour: blue",
                      r"unknown field 'colour'"),
    "wrong parent ID": (lambda: _swap('id: "1.2.1"', 'id: "1.9.1"'), 'id: "1.9.1"', r"objective 1\.9\.1 is listed under area 1\.2"),
    "list for a mapping": (lambda: _swap("    title:\n      en: Protect Our People\n      es: Proteger a nuestra gente\n",
                                         "    title:\n      - Protect Our People\n      - Proteger a nuestra gente\n"),
                           "    title:\n      - Protect", r"at goals\[0\]\.title: expected a mapping, found a list"),
    "non-UTF-8 bytes": (lambda: _swap("es: Proteger a nuestra gente", "es: Proteger a nuestra gente").encode("utf-8")
                        .replace("Salud Pública".encode(), "Salud Pública".encode("latin-1"), 1),
                        None, r"byte 0xfa is not valid UTF-8"),
    "empty file": (lambda: "", None, r"the file is empty"),
    "10 MB string": (lambda: _swap("en: Protect Our People", "en: " + "Protect " * 1_300_000), None,
                     r"the file is [\d,]+ bytes, over the [\d,]+-byte limit"),
    "HTML injection": (lambda: _swap("en: Protect Our People", 'en: Protect <script>alert(1)</script> Our People'),
                       "<script>", r"contains an HTML tag"),
    "Markdown injection": (lambda: _swap("en: Protect Our People", 'en: "Protect [Our People](https://evil.example/)"'),
                           "evil.example", r"contains a Markdown link"),
    "script URL": (lambda: _swap("en: Protect Our People", "en: Protect javascript:alert(1) People"),
                   "javascript:", r"a script or data URL"),
    "python tag": (lambda: _swap("en: Protect Our People", 'en: !!python/object/apply:os.system ["echo pwned"]'),
                   "!!python", r"the tag .*python/object/apply:os\.system.* is not allowed"),
    "alias bomb": (lambda: GOOD + ALIASES, "k0:", r"an alias \(\*name\)"),
    "control character": (lambda: _swap("en: Protect Our People", 'en: "Protect\\x07 Our People"'),
                          "Protect\\x07", r"a control character"),
    "not a mapping": (lambda: "- just\n- a list\n", None, r"expected a mapping, found a list"),
}


# What each message must tell the reader to do (the "what to do" part; fixed strings, not read from the code).
FIXES = {
    "syntax error": "Fix the syntax on that line", "unclosed bracket": "Fix the syntax on that line",
    "tab indentation": "Fix the syntax on that line (indent with spaces", "duplicate key": "Keep one of them",
    "duplicate ID": "Give each goal, area and objective its own number.", "unquoted 1.10": 'Write it as id: "1.10".',
    "missing es": "Add `es:` here", "empty en": "Write the text, in the language its key names.",
    "unknown field": "Remove it or fix its spelling", "wrong parent ID": "Number it 1.2.N, or move it under area 1.9.",
    "list for a mapping": "See data/framework.schema.json for the expected shape.",
    "non-UTF-8 bytes": "Save the file as UTF-8.", "empty file": "Restore it from git",
    "10 MB string": "It should be a few kilobytes", "HTML injection": "Write plain prose",
    "Markdown injection": "Write plain prose", "script URL": "Write plain prose",
    "python tag": "Remove it: the file holds plain text", "alias bomb": "Write each value out in full",
    "control character": "Write plain prose", "not a mapping": "See data/framework.schema.json for the expected shape.",
}


def test_every_variant_has_its_fix():
    assert set(FIXES) == set(VARIANTS)


def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        h.update(p.relative_to(folder).as_posix().encode() + b"\0")
        if p.is_file():
            h.update(p.read_bytes())
    return h.hexdigest()


@pytest.fixture(scope="module")
def built(site, tmp_path_factory):
    """A copy of one good build, and its fingerprint before any bad build touches it."""
    dest = tmp_path_factory.mktemp("prebuilt") / "site"
    shutil.copytree(site, dest)
    return dest, digest(dest)


def make_build(data: Path, site_dir: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, BF_DATA=str(data), SITE_DIR=str(site_dir))
    return subprocess.run(["make", "-s", "--no-print-directory", "build"], cwd=ROOT, env=env,
                          capture_output=True, timeout=120)


@pytest.mark.parametrize("name", VARIANTS)
def test_bad_input_is_refused_whole(name, built, tmp_path):
    make_text, where, problem = VARIANTS[name]
    content = make_text()
    raw = content if isinstance(content, bytes) else content.encode("utf-8")
    data = tmp_path / "framework.yaml"
    data.write_bytes(raw)
    site_dir, before = built

    result = make_build(data, site_dir)

    out = (result.stdout + result.stderr).decode("utf-8", "replace")
    lines = [ln for ln in out.splitlines() if ln.strip() and not re.match(r"make(\[\d+\])?: \*\*\*", ln)]
    assert result.returncode != 0, f"{name}: the build accepted it:\n{out[-2000:]}"
    assert len(lines) == 1, f"{name}: expected one line, got {len(lines)}:\n{out[-3000:]}"
    message = lines[0]
    assert len(message) < 600, f"{name}: the message is {len(message)} characters long: {message[:300]}…"
    assert message.startswith(f"{data}:"), f"{name}: the message does not start with the file name: {message}"
    assert re.search(problem, message), f"{name}: the message does not say /{problem}/: {message}"
    said = re.search(rf"{problem}.*?\. (.*) \(Build failed: ", message)
    assert said and FIXES[name] in said.group(1), f"{name}: the message does not end with what to do " \
                                                    f"({FIXES[name]!r}): {message}"
    if where is not None:
        text = raw.decode("utf-8")
        line = _line_of(text, where)
        assert message.startswith(f"{data}:{line}:"), f"{name}: expected line {line}: {message}"
    else:
        assert re.match(rf"{re.escape(str(data))}(?::\d+)?: ", message), message
    assert "Traceback" not in out
    assert digest(site_dir) == before, f"{name}: the previously built site changed"
    assert sorted(p.name for p in site_dir.parent.iterdir()) == ["site"], "the build left files beside site/"


def test_the_good_file_still_builds(tmp_path):
    """The variants fail because of what they break, not because make build is broken."""
    data = tmp_path / "framework.yaml"
    data.write_text(GOOD, encoding="utf-8")
    result = make_build(data, tmp_path / "site")
    assert result.returncode == 0, (result.stdout + result.stderr).decode()[-3000:]
    assert (tmp_path / "site" / "index.html").exists()


def test_a_missing_file_is_named(tmp_path, built):
    site_dir, before = built
    result = make_build(tmp_path / "nope.yaml", site_dir)
    out = result.stderr.decode()
    assert result.returncode != 0 and f"{tmp_path / 'nope.yaml'}: cannot read the file" in out, out
    assert digest(site_dir) == before
