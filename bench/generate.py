"""Write a synthetic framework N times the size of the real one, for benchmarks.

The real data/framework.yaml has 3 goals, 11 cooperation areas and 26 joint
objectives. ``generate(scale)`` returns plain data with exactly 3·N goals,
11·N areas and 26·N objectives, numbered like the real one (goal "4",
area "4.2", objective "4.2.1"), whose every text is a synthetic sentence of
the same length as the real text it stands in for, built from English and
Spanish vocabulary (with its accents and ñ), so page and index sizes scale
like the real site's. The framework-level fields (title, introduction,
source) are the real ones. The output goes through the real loader, schema
and rules (``bicentennial.data.framework.read``) like the real file does.

Usage: python bench/generate.py SCALE OUT.yaml
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "data" / "framework.yaml"

WORDS = {
    "en": ("strengthen cooperation security public health communities border information exchange "
           "capacity investigation prosecution criminal organizations illicit trafficking firearms "
           "ports of entry customs justice institutions prevention violence human rights protection "
           "vulnerable populations financial networks cyberspace regional binational agencies data "
           "training evidence policy treatment recovery coordination oversight shared responsibility "
           "reduce expand improve develop support enhance promote the and of to in for with across").split(),
    "es": ("fortalecer cooperación seguridad salud pública comunidades frontera información intercambio "
           "capacidad investigación persecución penal organizaciones criminales tráfico ilícito armas "
           "puertos de entrada aduanas justicia instituciones prevención violencia derechos humanos "
           "protección poblaciones vulnerables redes financieras ciberespacio región binacional "
           "autoridades formación evidencia política atención recuperación coordinación supervisión "
           "responsabilidad compartida niñas niños jóvenes migración análisis técnico económico "
           "reducir ampliar mejorar desarrollar apoyar promover la el los las de del en para con y").split(),
}


def _sentence(rng: random.Random, lang: str, length: int) -> str:
    """A sentence of about `length` characters: capitalised, ends with a full stop."""
    words: list[str] = []
    size = 0
    while size < max(length - 1, 8):
        word = rng.choice(WORDS[lang])
        words.append(word)
        size += len(word) + 1
    while len(words) > 1 and size - len(words[-1]) - 1 >= length - 1:
        size -= len(words.pop()) + 1
    text = " ".join(words).rstrip(" ,")
    return text[0].upper() + text[1:] + "."


def _text(rng: random.Random, template: dict) -> dict:
    return {lang: _sentence(rng, lang, len(template[lang])) for lang in ("en", "es")}


def real_data() -> dict:
    return yaml.safe_load(REAL.read_text(encoding="utf-8"))


def generate(scale: int, seed: int = 200) -> dict:
    """Plain data for a framework `scale` times the real one (same shape per copy)."""
    if scale < 1:
        raise ValueError("scale must be at least 1")
    real = real_data()
    rng = random.Random(seed)
    goals = []
    for copy in range(scale):
        for g_index, goal in enumerate(real["goals"]):
            gid = str(copy * len(real["goals"]) + g_index + 1)
            areas = []
            for a_index, area in enumerate(goal["areas"], start=1):
                aid = f"{gid}.{a_index}"
                objectives = [{"id": f"{aid}.{o_index}", "text": _text(rng, obj["text"])}
                              for o_index, obj in enumerate(area["objectives"], start=1)]
                areas.append({"id": aid, "title": _text(rng, area["title"]), "objectives": objectives})
            goals.append({"id": gid, "title": _text(rng, goal["title"]),
                          "statement": _text(rng, goal["statement"]), "areas": areas})
    return {"framework": real["framework"], "goals": goals}


def dump(data: dict) -> str:
    """YAML like the real file: IDs quoted, UTF-8 text, no line wrapping, each en/es pair on one line."""
    class Dumper(yaml.SafeDumper):
        pass

    def represent_str(dumper, value):
        style = '"' if value.replace(".", "").isdigit() else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    def represent_dict(dumper, value):
        # {en: …, es: …} on one line keeps the 100× file under load.MAX_BYTES (1 MB).
        flow = set(value) == {"en", "es"}
        return dumper.represent_mapping("tag:yaml.org,2002:map", value.items(), flow_style=flow)

    Dumper.add_representer(str, represent_str)
    Dumper.add_representer(dict, represent_dict)
    header = "# Synthetic framework for benchmarks (bench/generate.py): not real text.\n"
    return header + yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=100_000)


def write(scale: int, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump(generate(scale)), encoding="utf-8")
    return path


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-1])
    out = write(int(sys.argv[1]), Path(sys.argv[2]))
    print(f"{out}: {out.stat().st_size:,} bytes")
