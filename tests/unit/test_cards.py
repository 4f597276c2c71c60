"""Preview cards: what each says, that it fits and reads on a phone, and that the cache draws each once."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from bicentennial.data import framework
from bicentennial.features import card_image, cards
from support.site import ROOT

FW = framework.read(ROOT / "data" / "framework.yaml", ROOT / "data" / "framework.schema.json")
LONG = " ".join(["Fortalecer la cooperación «binacional» entre México y los Estados Unidos, año tras año,"] * 30)


def card(lang="en", kind="objective", id_="2.1.3", url="objectives/2.1.3/", title="", description=""):
    return cards.for_page(FW, lang, kind, id_, url, title, description)


def png(drawn: card_image.Drawn) -> Image.Image:
    data = card_image.draw(drawn)
    assert len(data) <= 100_000
    image = Image.open(io.BytesIO(data))
    assert (image.format, image.size) == ("PNG", (1200, 630))
    return image


def test_an_objective_card_says_its_kind_number_text_framework_and_language():
    en, es = card("en").drawn, card("es").drawn
    obj = FW.items[("objective", "2.1.3")]
    assert (en.eyebrow, en.headline, en.footer, en.language) == (
        "Joint Objective 2.1.3", obj.text.en, "Bicentennial Framework", "English")
    assert (es.eyebrow, es.headline, es.footer, es.language) == (
        "Objetivo conjunto 2.1.3", obj.text.es, "Entendimiento Bicentenario", "Español")
    assert card("es").alt == f"Objetivo conjunto 2.1.3: {obj.text.es.rstrip('.')}. Entendimiento Bicentenario, en español."
    assert png(en).tobytes() != png(es).tobytes()


def test_goal_area_home_and_other_pages_say_what_they_are():
    goal = card("es", "goal", "1", "goals/1/").drawn
    assert (goal.eyebrow, goal.headline, goal.detail) == ("Meta 1", FW.goals[0].title.es, FW.goals[0].statement.es)
    area = card("en", "area", "2.1", "areas/2.1/").drawn
    assert (area.eyebrow, area.detail) == ("Cooperation Area 2.1", f"Goal 2: {FW.goals[1].title.en}")
    home = card("es", "", "", "", "ignored", "La descripción.").drawn
    assert home.eyebrow == "3 metas, 11 áreas de coordinación, 26 objetivos conjuntos"
    assert (home.headline, home.detail) == (FW.title.es, "La descripción.")
    about = card("en", "", "", "about/", "About this site", "What it is.")
    assert (about.drawn.eyebrow, about.drawn.headline, about.drawn.detail) == ("", "About this site", "What it is.")
    assert about.alt == "About this site. Bicentennial Framework, in English."


def test_a_text_too_long_is_cut_at_a_word_with_an_ellipsis_and_everything_fits():
    drawn = card_image.Drawn("Objetivo conjunto 9.9.9", LONG, "", "Entendimiento Bicentenario", "Español")
    plan = card_image.layout(drawn)
    assert plan.size == min(card_image.HEADLINE)
    assert plan.headline[-1].endswith("…") and not plan.headline[-1].endswith(" …")
    assert " ".join(line.rstrip("…") for line in plan.headline) in LONG
    font = card_image._font(plan.size, True)
    assert all(font.getlength(line) <= card_image.WIDTH - 2 * card_image.MARGIN for line in plan.headline)
    bottom = plan.top + round(card_image.EYEBROW * card_image.LEADING) + 16
    bottom += len(plan.headline) * round(plan.size * card_image.LEADING)
    assert bottom <= card_image.HEIGHT - card_image.BAND - card_image.STRIPE
    png(drawn)


def test_shortening_to_no_line_leaves_nothing():
    measure = card_image.Measure(card_image.DETAIL, False)
    assert card_image.shorten(["one two", "three"], 0, measure, 500) == []
    assert card_image.shorten(["one two", "three"], 1, measure, 500) == ["one two…"]


def test_the_longest_real_texts_fit_whole():
    for (kind, id_), _ in FW.items.items():
        for lang in ("en", "es"):
            drawn = card(lang, kind, id_, f"{kind}s/{id_}/").drawn
            plan = card_image.layout(drawn)
            assert " ".join(plan.headline) == drawn.headline, (kind, id_, lang)
            if kind != "goal":  # a goal's statement may be cut short; its title never
                assert " ".join(plan.detail) == drawn.detail, (kind, id_, lang)


def test_lines_are_balanced():
    plan = card_image.layout(card("en", "area", "2.1", "areas/2.1/").drawn)
    assert len(plan.headline) == 2 and len(plan.headline[1].split()) > 1  # no word alone on the last line


def test_accents_enye_and_guillemets_have_glyphs():
    for bold in (False, True):
        font = card_image._font(40, bold)
        missing = bytes(font.getmask("\u4e00"))  # no glyph in this font: its "missing" box
        assert [c for c in "áéíóúüÁÉÍÓÚÑñ¿¡«»“”’…" if bytes(font.getmask(c)) == missing] == []


def test_no_text_is_smaller_than_12_px_on_a_400_px_wide_preview():
    smallest = min(card_image.EYEBROW, card_image.FOOTER, card_image.DETAIL, *card_image.HEADLINE)
    assert smallest * 400 / card_image.WIDTH >= 12


def test_drawing_is_reproducible():
    drawn = card("es").drawn
    assert card_image.draw(drawn) == card_image.draw(drawn)


def test_the_store_draws_a_card_once_and_forgets_unused_ones(tmp_path):
    store = cards.Store(tmp_path / "cache")
    en, es = card("en"), card("es")
    key, drawn = store.publish(en, tmp_path / "one" / "card.png")
    assert drawn
    assert store.publish(en, tmp_path / "two" / "card.png") == (key, False)
    assert (tmp_path / "one" / "card.png").read_bytes() == (tmp_path / "two" / "card.png").read_bytes()
    es_key, drawn = store.publish(es, tmp_path / "three" / "card.png")
    assert drawn and es_key != key
    assert store.key(card("en", title="not drawn on an objective card")) == key  # same picture, same key
    assert store.prune({es_key}) == 1
    assert store.publish(en, tmp_path / "four" / "card.png") == (key, True)


@pytest.mark.parametrize("url, path", [("", "card.png"), ("es/", "es/card.png"),
                                       ("es/objectives/2.1.3/", "es/objectives/2.1.3/card.png")])
def test_a_card_lies_in_its_pages_folder(url, path):
    assert cards.path_for(url) == path
