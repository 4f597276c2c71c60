"""The benchmark's synthetic framework is a valid framework of the promised size.

bench/generate.py feeds `make bench`; if its output stopped passing the real
loader, schema and rules, or had the wrong shape, the benchmark would measure
something other than this site at N× its size.
"""

from __future__ import annotations

import pytest

from bench import generate
from bicentennial.data import framework
from bicentennial.data.load import FrameworkError  # noqa: E402
from support.site import ROOT

SCHEMA = ROOT / "data" / "framework.schema.json"


@pytest.mark.parametrize("scale", [1, 3])
def test_generated_framework_passes_the_real_checks_with_the_right_counts(tmp_path, scale):
    path = generate.write(scale, tmp_path / "framework.yaml")
    fw = framework.read(path, SCHEMA)
    assert len(fw.goals) == 3 * scale
    assert sum(1 for _ in fw.areas()) == 11 * scale
    assert sum(1 for _ in fw.objectives()) == 26 * scale
    ids = [o.id for _, _, o in fw.objectives()]
    assert len(set(ids)) == len(ids)
    assert ids[0] == "1.1.1" and ids[-1].split(".")[0] == str(3 * scale)  # numbered like the real one


def test_text_is_spanish_with_accents_and_as_long_as_the_real_text(tmp_path):
    fw = framework.read(generate.write(1, tmp_path / "framework.yaml"), SCHEMA)
    real = framework.read(ROOT / "data" / "framework.yaml", SCHEMA)
    spanish = " ".join(o.text.es for _, _, o in fw.objectives())
    english = " ".join(o.text.en for _, _, o in fw.objectives())
    assert any(ch in spanish for ch in "áéíóúñ")
    assert not any(ch in english for ch in "áéíóúñ")
    for (_, _, synthetic), (_, _, original) in zip(fw.objectives(), real.objectives()):
        for lang in ("en", "es"):
            assert abs(len(synthetic.text[lang]) - len(original.text[lang])) <= 20
            assert synthetic.text[lang] != original.text[lang]


def test_output_is_deterministic_and_a_broken_copy_is_refused(tmp_path):
    assert generate.dump(generate.generate(2)) == generate.dump(generate.generate(2))
    data = generate.generate(1)
    data["goals"][0]["areas"][0]["objectives"][0]["id"] = "9.9.9"
    bad = tmp_path / "bad.yaml"
    bad.write_text(generate.dump(data), encoding="utf-8")
    with pytest.raises(FrameworkError, match="listed under area"):
        framework.read(bad, SCHEMA)
