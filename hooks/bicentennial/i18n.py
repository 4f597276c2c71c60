"""Every UI string the generated pages use, in each published language."""

from __future__ import annotations

import datetime as _dt

UI: dict[str, dict[str, str]] = {
    "en": {
        "home": "Home",
        "goal": "Goal",
        "goals": "Goals",
        "area": "Cooperation Area",
        "areas": "Cooperation areas",
        "objective": "Joint Objective",
        "objectives": "Joint objectives",
        "breadcrumb": "Breadcrumb",
        "context": "Where it belongs",
        "in_area": "Objectives in this cooperation area",
        "in_goal": "Cooperation areas and objectives under this goal",
        "source": "Source",
        "previous": "Previous objective",
        "next": "Next objective",
        "pager": "Objectives",
        "source_note": "Text: {publisher}, “{title}”, {date}.",
        "translation_note": "",
        "original": "Original publication",
        "at_a_glance": "The framework at a glance",
        "counts": "{goals} goals, {areas} cooperation areas, {objectives} joint objectives.",
        "see_all": "Read the full text",
    },
    "es": {
        "home": "Inicio",
        "goal": "Meta",
        "goals": "Metas",
        "area": "Área de coordinación",
        "areas": "Áreas de coordinación",
        "objective": "Objetivo conjunto",
        "objectives": "Objetivos conjuntos",
        "breadcrumb": "Ruta de navegación",
        "context": "Dónde se ubica",
        "in_area": "Objetivos de esta área de coordinación",
        "in_goal": "Áreas de coordinación y objetivos de esta meta",
        "source": "Fuente",
        "previous": "Objetivo anterior",
        "next": "Objetivo siguiente",
        "pager": "Objetivos",
        "source_note": "Texto: {publisher}, «{title}», {date}.",
        "translation_note": "Traducción no oficial del texto publicado en inglés; los nombres siguen el uso de la Secretaría de Relaciones Exteriores (SRE).",
        "original": "Publicación original (en inglés)",
        "at_a_glance": "El Entendimiento de un vistazo",
        "counts": "{goals} metas, {areas} áreas de coordinación, {objectives} objetivos conjuntos.",
        "see_all": "Leer el texto completo",
    },
}

_MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"],
}


def t(lang: str, key: str, **kwargs) -> str:
    value = UI[lang][key]
    return value.format(**kwargs) if kwargs else value


def long_date(iso: str, lang: str) -> str:
    """'2022-01-31' → 'January 31, 2022' / '31 de enero de 2022'."""
    d = _dt.date.fromisoformat(iso)
    month = _MONTHS[lang][d.month - 1]
    return f"{month} {d.day}, {d.year}" if lang == "en" else f"{d.day} de {month} de {d.year}"
