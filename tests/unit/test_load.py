"""The loader refuses every kind of bad input with file, line, YAML path and a fix."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from bicentennial.data import framework, load, validate
from support.site import ROOT

DATA = ROOT / "data" / "framework.yaml"
SCHEMA = ROOT / "data" / "framework.schema.json"

GOOD = DATA.read_text(encoding="utf-8")


def check(tmp_path: Path, text: str | bytes) -> load.FrameworkError:
    """The error the loader raises for `text`; every one says what to do, at the end of its message."""
    path = tmp_path / "framework.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    with pytest.raises(load.FrameworkError) as info:
        framework.read(path, SCHEMA, display="data/framework.yaml")
    err = info.value
    assert err.problem and err.fix.strip(), f"no 'what to do' in: {err}"
    assert str(err).endswith(f"{err.problem}. {err.fix}"), f"the message lost its problem or its fix: {err}"
    return err


def line_of(text: str, needle: str, nth: int = 1) -> int:
    lines = text.splitlines()
    hits = [i + 1 for i, line in enumerate(lines) if needle in line]
    return hits[nth - 1]


def test_real_data_loads_with_the_frameworks_shape():
    fw = framework.read(DATA, SCHEMA)
    assert [g.id for g in fw.goals] == ["1", "2", "3"]
    assert sum(1 for _ in fw.areas()) == 11
    assert sum(1 for _ in fw.objectives()) == 26
    assert fw.goals[1].areas[0].objectives[2].id == "2.1.3"
    assert len(fw.introduction) == 3


def test_yaml_syntax_error_names_the_line(tmp_path):
    bad = GOOD.replace('    en: "The goals and objectives', '    en: "The goals and objectives" x', 1)
    err = check(tmp_path, bad)
    assert "YAML syntax error" in err.problem
    assert err.line == line_of(bad, '" x')
    assert str(err).startswith(f"data/framework.yaml:{err.line}:")


def test_tab_indentation_is_explained(tmp_path):
    bad = GOOD.replace("\n  short_title:", "\n\tshort_title:", 1)
    err = check(tmp_path, bad)
    assert "tab" in err.problem and err.line == line_of(bad, "\tshort_title")


def test_duplicate_key_is_refused_not_silently_merged(tmp_path):
    bad = GOOD.replace("  short_title:\n", "  title:\n    en: Other\n    es: Otro\n  short_title:\n", 1)
    err = check(tmp_path, bad)
    assert "duplicate key 'title'" in err.problem
    assert err.path == "framework.title"
    assert err.line == line_of(bad, "  title:", 2)


def test_unquoted_id_that_yaml_reads_as_a_float(tmp_path):
    bad = GOOD.replace('- id: "2.1.3"', "- id: 2.1", 1).replace('- id: "1.1"', "- id: 1.10", 1)
    err = check(tmp_path, bad)
    assert err.problem == "the ID 1.10 is not a quoted string"
    assert 'id: "1.10"' in err.fix
    assert err.path == "goals[0].areas[0].id"


def test_duplicate_id(tmp_path):
    bad = GOOD.replace('- id: "2.1.4"', '- id: "2.1.3"', 1)
    err = check(tmp_path, bad)
    assert "duplicate ID '2.1.3'" in err.problem
    assert err.path == "goals[1].areas[0].objectives[3].id"
    assert err.line == line_of(bad, '- id: "2.1.3"', 2)


def test_child_id_must_extend_its_parent(tmp_path):
    bad = GOOD.replace('- id: "1.3.1"', '- id: "1.2.9"', 1)
    err = check(tmp_path, bad)
    assert "objective 1.2.9 is listed under area 1.3" in err.problem
    assert err.line == line_of(bad, '"1.2.9"')


@pytest.mark.parametrize("lang", ["en", "es"])
def test_missing_translation(tmp_path, lang):
    other = "es" if lang == "en" else "en"
    lines = GOOD.splitlines(keepends=True)
    idx = next(i for i, line in enumerate(lines) if line.strip() == "short_title:")
    kept = [ln for ln in lines[idx + 1: idx + 3] if ln.strip().startswith(f"{other}:")]
    bad = "".join(lines[: idx + 1] + kept + lines[idx + 3:])
    err = check(tmp_path, bad)
    assert err.path == f"framework.short_title.{lang}" and err.problem == "missing"
    assert err.line == idx + 1


def test_empty_text(tmp_path):
    bad = GOOD.replace("    en: Bicentennial Framework", '    en: "  "', 1)
    err = check(tmp_path, bad)
    assert err.problem == "empty text" and err.path == "framework.short_title.en"


def test_unknown_field(tmp_path):
    bad = GOOD.replace('  - id: "1"\n', '  - id: "1"\n    colour: red\n', 1)
    err = check(tmp_path, bad)
    assert err.problem == "unknown field 'colour'" and err.path == "goals[0].colour"
    assert err.line == line_of(bad, "colour: red")
    assert "allowed here: areas, id, statement, title" in err.fix


def test_list_where_a_mapping_belongs(tmp_path):
    bad = GOOD.replace("  short_title:\n    en: Bicentennial Framework\n", "  short_title:\n    - en: Bicentennial Framework\n", 1)
    bad = bad.replace("    es: Entendimiento Bicentenario\n  introduction", "      es: Entendimiento Bicentenario\n  introduction", 1)
    err = check(tmp_path, bad)
    assert err.problem == "expected a mapping, found a list" and err.path == "framework.short_title"


def test_non_utf8_bytes(tmp_path):
    raw = GOOD.encode("utf-8").replace("Protección".encode(), "Protecci\xf3n".encode("latin-1"), 1)
    raw = raw.replace("Salud Pública".encode(), "Salud P\xfablica".encode("latin-1"), 1)
    err = check(tmp_path, raw)
    assert "not valid UTF-8" in err.problem and err.line == 8


def test_empty_file(tmp_path):
    err = check(tmp_path, "\n\n")
    assert err.problem == "the file is empty"


def test_huge_string_is_refused(tmp_path):
    bad = GOOD.replace("    en: Bicentennial Framework", "    en: " + "x" * 5000, 1)
    err = check(tmp_path, bad)
    assert "over the limit of 2,000" in err.problem


@pytest.mark.parametrize("payload, what", [
    ("<script>alert(1)</script>", "an HTML tag"),
    ('<img src=x onerror="alert(1)">', "an HTML tag"),
    ("[click](javascript:alert(1))", "a Markdown link"),
    ("see javascript:alert(1)", "a script or data URL"),
])
def test_markup_in_text_is_refused(tmp_path, payload, what):
    bad = GOOD.replace("    en: Bicentennial Framework", f"    en: '{payload}'", 1)
    err = check(tmp_path, bad)
    assert err.problem == f"the text contains {what}" and err.path == "framework.short_title.en"


def test_python_object_tag_is_refused(tmp_path):
    bad = GOOD.replace("    en: Bicentennial Framework", "    en: !!python/object/apply:os.system ['true']", 1)
    err = check(tmp_path, bad)
    assert "tag:yaml.org,2002:python/object/apply:os.system" in err.problem and "not allowed" in err.problem


def test_schema_and_validator_agree_on_the_real_file():
    loaded = load.parse(DATA)
    schema = load.load_schema(SCHEMA)
    assert [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(loaded.data)] == []
    assert validate.check(loaded, schema, "data/framework.yaml") is None  # raises on the first problem
    assert loaded.lines["goals[1].areas[0].objectives[2].id"] == line_of(GOOD, '- id: "2.1.3"')


def _replace(old: str, new: str) -> str:
    assert GOOD.count(old) >= 1, f"the data no longer contains {old!r}: update this case"
    return GOOD.replace(old, new, 1)


# Every kind of refusal, with the "what to do" it must end with (fixed strings, not read from the code).
FIXES = {
    "too big": (lambda: GOOD + "#" * 2_000_001, "It should be a few kilobytes: look for pasted or repeated text."),
    "not UTF-8": (lambda: GOOD.encode("utf-8") + b"\xff", "Save the file as UTF-8."),
    "empty": (lambda: " \n", "Restore it from git: it must hold `framework:` and `goals:`."),
    "only comments": (lambda: "# nothing here\n", "Restore it from git: it must hold `framework:` and `goals:`."),
    "syntax": (lambda: _replace("  short_title:\n", "  short_title: [\n"), "Fix the syntax on that line"),
    "alias": (lambda: GOOD + "extra: &a [1]\nmore: *a\n", "Write each value out in full"),
    "tag": (lambda: _replace("en: Bicentennial Framework", "en: !!binary aGk="), "Remove it: the file holds plain text"),
    "key not a word": (lambda: _replace("  short_title:\n", "  1: x\n  short_title:\n"), "Use keys such as `id`"),
    "duplicate key": (lambda: _replace("  short_title:\n", "  lead_in: x\n  short_title:\n"), "Keep one of them"),
    "unquoted ID": (lambda: _replace('- id: "1.1"', "- id: 1.1"), 'Write it as id: "1.1".'),
    "missing": (lambda: _replace("    es: Entendimiento Bicentenario\n", ""), "Add `es:` here"),
    "unknown field": (lambda: _replace("framework:\n", "framework:\n  colour: red\n"),
                      "Remove it or fix its spelling; allowed here:"),
    "wrong type": (lambda: _replace("    en: Bicentennial Framework", "    en: 12"),
                   "See data/framework.schema.json for the expected shape."),
    "empty text": (lambda: _replace("    en: Bicentennial Framework", '    en: " "'), "Write the text, in the language"),
    "too long": (lambda: _replace("    en: Bicentennial Framework", "    en: " + "y" * 2001), "Shorten it"),
    "empty list": (lambda: GOOD[:GOOD.index("  introduction:\n")] + "  introduction: []\n"
                   + GOOD[GOOD.index("  lead_in:\n"):], "Add at least one item"),
    "ID form": (lambda: _replace('- id: "2.1.3"', '- id: "2.1.x"'), "Use quoted dotted numbers"),
    "date form": (lambda: _replace('date: "2022-01-31"', 'date: "31/01/2022"'), "It must match"),
    "markup": (lambda: _replace("    en: Bicentennial Framework", "    en: <b>Bicentennial</b>"), "Write plain prose"),
    "markup in Spanish": (lambda: _replace("    es: Entendimiento Bicentenario\n", "    es: '[Entendimiento](x)'\n"),
                          "Write plain prose"),
    "duplicate ID": (lambda: _replace('- id: "2.1.4"', '- id: "2.1.3"'), "Give each goal, area and objective its own"),
    "area under another goal": (lambda: _replace('- id: "1.2"', '- id: "2.9"'), "Number it 1.N, or move it under goal 2."),
    "objective under another area": (lambda: _replace('- id: "1.3.1"', '- id: "1.2.9"'),
                                     "Number it 1.3.N, or move it under area 1.2."),
}


@pytest.mark.parametrize("case", FIXES)
def test_every_refusal_says_what_to_do(tmp_path, case):
    make, fix = FIXES[case]
    err = check(tmp_path, make())
    assert fix in err.fix and str(err).endswith(err.fix), f"{case}: expected {fix!r} at the end of: {err}"


def test_an_unreadable_file_says_what_to_do(tmp_path):
    with pytest.raises(load.FrameworkError) as info:
        framework.read(tmp_path / "missing.yaml", SCHEMA)
    assert str(info.value).endswith("cannot read the file (No such file or directory). "
                                    "Check that data/framework.yaml exists.")


# --- the lines of each item, for "View in the data file" links -------------------------------------

def _own_lines(text: str, lines: tuple[int, int]) -> list[str]:
    start, end = lines
    return text.splitlines()[start - 1:end]


def test_every_item_knows_the_lines_that_hold_it():
    """From its `- id:` line to its last text, checked against the loader's own line numbers."""
    fw = framework.read(DATA, SCHEMA)
    loaded = load.parse(DATA)
    obj = fw.items[("objective", "2.1.3")]
    path = "goals[1].areas[0].objectives[2]"
    assert obj.lines == (loaded.lines[f"{path}.id"], loaded.lines[f"{path}.text.es"])
    held = _own_lines(GOOD, obj.lines)
    assert held[0].strip() == '- id: "2.1.3"'
    assert held[-1].strip() == f"es: {obj.text.es}" and any(line.strip() == f"en: {obj.text.en}" for line in held)
    goal = fw.items[("goal", "2")]
    held = _own_lines(GOOD, goal.lines)
    assert held[0].strip() == '- id: "2"' and held[-1].strip() == f"es: {goal.statement.es}"
    assert goal.lines[1] + 1 == loaded.lines["goals[1].areas"]  # the goal's areas are theirs, not its own
    area = fw.items[("area", "2.1")]
    assert _own_lines(GOOD, area.lines)[-1].strip() == f"es: {area.title.es}"
    # Every item: its first line is its ID, and no two items share a line.
    seen: set[int] = set()
    for (kind, id_), item in fw.items.items():
        first, last = item.lines
        assert GOOD.splitlines()[first - 1].strip() == f'- id: "{id_}"', (kind, id_)
        assert not seen & set(range(first, last + 1)), (kind, id_)
        seen |= set(range(first, last + 1))


def test_the_lines_move_when_lines_are_inserted_above(tmp_path):
    fw = framework.read(DATA, SCHEMA)
    moved = GOOD.replace('  - id: "2"\n', '  # a comment\n  # and another\n\n  - id: "2"\n', 1)
    path = tmp_path / "framework.yaml"
    path.write_text(moved, encoding="utf-8")
    after = framework.read(path, SCHEMA)
    for key in (("goal", "2"), ("area", "2.1"), ("objective", "2.1.3"), ("objective", "3.3.3")):
        if key in fw.items:
            assert after.items[key].lines == tuple(n + 3 for n in fw.items[key].lines), key
    assert after.items[("goal", "1")].lines == fw.items[("goal", "1")].lines


def test_a_text_over_several_lines_is_covered_to_its_last_line(tmp_path):
    fw = framework.read(DATA, SCHEMA)
    obj = fw.items[("objective", "2.1.3")]
    folded = GOOD.replace(f"              es: {obj.text.es}\n",
                          "              es: >-\n                Fortalecer la supervisión\n"
                          "                en los aeropuertos.\n\n", 1)
    path = tmp_path / "framework.yaml"
    path.write_text(folded, encoding="utf-8")
    lines = framework.read(path, SCHEMA).items[("objective", "2.1.3")].lines
    assert lines == (obj.lines[0], obj.lines[1] + 2)
    assert _own_lines(folded, lines)[-1].strip() == "en los aeropuertos."


def test_checked_data_is_kept_on_disk_and_read_again_only_when_its_bytes_change(tmp_path, monkeypatch):
    data, cache = tmp_path / "framework.yaml", tmp_path / "cache"
    data.write_text(GOOD, encoding="utf-8")
    first = framework.read(data, SCHEMA, cache_dir=cache)
    stored = cache / framework.CACHE_FILE
    assert stored.is_file() and not list(cache.glob(".*.tmp"))

    def lines(fw):
        return {key: item.lines for key, item in fw.items.items()}

    framework._cache.clear()  # a new build process
    with monkeypatch.context() as patch:  # nothing is parsed or checked again
        patch.setattr(load, "parse", lambda *a: pytest.fail("the data file was read again"))
        again = framework.read(data, SCHEMA, cache_dir=cache)
    assert again == first and lines(again) == lines(first) and again is not first

    kept = stored.read_bytes()
    data.write_text(GOOD + "\n\tbad: a tab\n", encoding="utf-8")  # a bad edit is refused all the same
    framework._cache.clear()
    with pytest.raises(load.FrameworkError, match="tab"):
        framework.read(data, SCHEMA, cache_dir=cache)
    assert stored.read_bytes() == kept

    data.write_text(GOOD.replace("\ngoals:", "\n# a comment line\ngoals:", 1), encoding="utf-8")  # a good edit
    framework._cache.clear()
    moved = framework.read(data, SCHEMA, cache_dir=cache)  # the same text, one line lower: read again
    assert moved == first and lines(moved) == {key: (a + 1, b + 1) for key, (a, b) in lines(first).items()}
    assert stored.read_bytes() != kept
