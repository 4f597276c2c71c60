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
        # A Spanish item page whose English changed since its translation was reviewed (translations/review.py).
        "review_title": "Translation under review",
        "review_text": "The English text of this page changed after this translation was last reviewed; the two may not match yet.",
        "review_link": "Read the current English text",
        "original": "Original publication",
        "at_a_glance": "The framework at a glance",
        "counts": "{goals} goals, {areas} cooperation areas, {objectives} joint objectives.",
        "see_all": "Read the full text",
        # The framework in the menu and around an objective (content/menu.py, content/item_pages.py).
        "menu_all_goals": "All {n} goals",
        "menu_all_areas": "All {n} cooperation areas of this goal",
        "menu_all_objectives": "All {n} objectives of this area",
        "siblings": "Other objectives in this cooperation area",
        "siblings_all": "All {n} objectives of this cooperation area",
        # The offer of the other language, written in that language (bf-offer.js holds the same text).
        "offer_question": "Prefer English?",
        "offer_link": "Read this page in English",
        "offer_dismiss": "No, thanks",
        # The 404 page (publish/not_found.py).
        "not_found": "Page not found",
        "not_found_text": "There is no page at this address. Check it for typing errors, go to the home page, or search the site.",
        "not_found_home": "Go to the home page",
        "not_found_search": "Search the site",
        "not_found_submit": "Search",
        # Staff tools: citations, side by side, full text, data.
        "cite_goal": "Cite this goal",
        "cite_area": "Cite this cooperation area",
        "cite_objective": "Cite this joint objective",
        "cite_intro": "Ready to paste into a memo or report. The date you accessed the page is filled in by your browser.",
        "cite_label_en": "In English",
        "cite_label_es": "In Spanish (unofficial translation)",
        "copy_cite_en": "Copy the English citation",
        "copy_cite_es": "Copy the Spanish citation",
        "cite_format": "“{label}: {text}” In {framework}. {publisher}, {date}. {url} (accessed {accessed}).",
        "date_placeholder": "[date]",
        "sbs_link": "Compare the English and Spanish text side by side",
        "sbs_col_en": "English",
        "sbs_col_es": "Spanish (unofficial translation)",
        "sbs_intro": "Introduction",
        "sbs_title": "Name",
        "dl_file": "File",
        "dl_contents": "Contents",
        "dl_json": "The whole framework in both languages, with the address of every page.",
        "dl_csv": "One row per joint objective: IDs and titles of its goal and area, its text in English and Spanish, and both page addresses.",
        "dl_yaml": "The source file this site is built from.",
        "dl_schema": "The JSON Schema that the source file follows.",
        # Report a problem, the data file's lines (features/report_links.py).
        "language": "English",
        "report": "Report a problem with this text",
        "view_data": "View in the data file",
        "report_title": "{label} ({language}): problem with the text",
        "report_body": "{label}, {language} ({code})\nPage: {url}\n{lines}\nCurrent text:\n\n{text}\n\n"
                       "What is wrong, and what should it say?\n",
        "report_lines": "Data file: {url}\n",
        # Link-preview cards (features/cards.py).
        "card_language": "English",
        "card_alt": "{what}. {framework}, in English.",
        # The page frame on every page (publish/page_frame.py, overrides/partials/header.html).
        "banner": "Independent reference site — not a U.S. or Mexican government website",
        "banner_label": "About this site",
        "about": "About",
        "header_label": "Site header",
        "main_label": "Page content",
        "footer_label": "Site footer",
        "source_line": "{publisher} · {date}",
        "unofficial_title": "",
        "unofficial_text": "",
        "unofficial_link": "",
        "goal_counts": "{areas} cooperation areas · {objectives} joint objectives",
        "goal_cards": "The three goals",
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
        "source_note": "Texto original: {publisher}, «{title}» [{rendering}], {date}.",
        "translation_note": "Traducción no oficial del texto publicado en inglés.",
        "review_title": "Traducción en revisión",
        "review_text": "El texto en inglés de esta página se modificó después de la última revisión de esta traducción; es posible que todavía no coincidan.",
        "review_link": "Consultar el texto vigente en inglés",
        "original": "Ver la publicación (en inglés)",
        "at_a_glance": "El Entendimiento de un vistazo",
        "counts": "{goals} metas, {areas} áreas de coordinación, {objectives} objetivos conjuntos.",
        "see_all": "Leer el texto completo",
        "menu_all_goals": "Las {n} metas",
        "menu_all_areas": "Las {n} áreas de coordinación de esta meta",
        "menu_all_objectives": "Los {n} objetivos de esta área",
        "siblings": "Otros objetivos de esta área de coordinación",
        "siblings_all": "Los {n} objetivos de esta área de coordinación",
        "offer_question": "¿Prefiere leer en español?",
        "offer_link": "Ver esta página en español",
        "offer_dismiss": "No, gracias",
        # La página 404 (publish/not_found.py).
        "not_found": "Página no encontrada",
        "not_found_text": "No hay ninguna página en esta dirección. Revise si está bien escrita, vaya a la página de inicio o busque en el sitio.",
        "not_found_home": "Ir a la página de inicio",
        "not_found_search": "Buscar en el sitio",
        "not_found_submit": "Buscar",
        # Herramientas: citas, texto en paralelo, texto completo, datos.
        "cite_goal": "Citar esta meta",
        "cite_area": "Citar esta área de coordinación",
        "cite_objective": "Citar este objetivo conjunto",
        "cite_intro": "Citas listas para pegar en un memorando o informe. Su navegador completa la fecha de consulta.",
        "cite_label_en": "En inglés (texto publicado)",
        "cite_label_es": "En español (traducción no oficial)",
        "copy_cite_en": "Copiar la cita en inglés",
        "copy_cite_es": "Copiar la cita en español",
        "cite_format": "«{label}: {text}». {publisher}, «{source}» [{rendering}], {date}; traducción no oficial al español. {url} (consultado el {accessed}).",
        "date_placeholder": "[fecha]",
        "sbs_link": "Comparar en paralelo el texto en español y en inglés",
        "sbs_col_en": "Inglés (texto publicado)",
        "sbs_col_es": "Español (traducción no oficial)",
        "sbs_intro": "Introducción",
        "sbs_title": "Nombre",
        "dl_file": "Archivo",
        "dl_contents": "Contenido",
        "dl_json": "El Entendimiento completo en ambos idiomas, con la dirección de cada página.",
        "dl_csv": "Una fila por objetivo conjunto: claves y títulos de su meta y su área, su texto en inglés y en español, y las direcciones de ambas páginas.",
        "dl_yaml": "El archivo fuente con el que se construye este sitio.",
        "dl_schema": "El esquema JSON (JSON Schema) que sigue el archivo fuente.",
        # Informar de un problema, las líneas del archivo de datos (features/report_links.py).
        "language": "español",
        "report": "Informar de un problema con este texto",
        "view_data": "Ver en el archivo de datos",
        "report_title": "{label} ({language}): problema con el texto",
        "report_body": "{label}, {language} ({code})\nPágina: {url}\n{lines}\nTexto actual:\n\n{text}\n\n"
                       "¿Qué está mal y qué debería decir?\n",
        "report_lines": "Archivo de datos: {url}\n",
        # Tarjetas de vista previa de enlaces (features/cards.py).
        "card_language": "Español",
        "card_alt": "{what}. {framework}, en español.",
        # El marco de cada página (publish/page_frame.py, overrides/partials/header.html).
        "banner": "Sitio de consulta independiente — no es un sitio del gobierno de México ni de los Estados Unidos",
        "banner_label": "Acerca de este sitio",
        "about": "Acerca de",
        "header_label": "Encabezado del sitio",
        "main_label": "Contenido de la página",
        "footer_label": "Pie de página del sitio",
        "source_line": "Texto original: {publisher} · {date}",
        "unofficial_title": "Traducción no oficial.",
        "unofficial_text": "El texto publicado es el resumen en inglés de la Embajada y Consulados de Estados Unidos en México; para citarlo textualmente, use el texto en inglés.",
        "unofficial_link": "Leer esta página en inglés",
        "goal_counts": "{areas} áreas de coordinación · {objectives} objetivos conjuntos",
        "goal_cards": "Las tres metas",
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
