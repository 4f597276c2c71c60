"""Check loaded data against the JSON Schema and the framework's own rules.

The schema (``data/framework.schema.json``) covers shape: required and unknown
fields, types, non-empty text. The rules here cover what a schema cannot say
well: IDs unique and nested (1.2.1 must sit under 1.2), and text that would be
markup rather than prose. The first problem found, in file order, is raised
as one ``FrameworkError``.
"""

from __future__ import annotations

import re

import jsonschema

from bicentennial.data.load import FrameworkError, Loaded, yaml_path

_KIND = {"object": "a mapping", "array": "a list", "string": "a text string"}
# Markup that would become live HTML or a link if a renderer forgot to escape it.
_MARKUP = [
    (re.compile(r"<\s*[A-Za-z/!?]"), "an HTML tag"),
    (re.compile(r"\]\s*\("), "a Markdown link"),
    (re.compile(r"^\s*\[[^\]]*\]\s*:", re.M), "a Markdown link definition"),
    (re.compile(r"\b(?:javascript|vbscript|data)\s*:", re.I), "a script or data URL"),
    (re.compile(r"[\x00-\x08\x0b-\x1f\x7f]"), "a control character"),
]


def _describe(type_name) -> str:
    if isinstance(type_name, list):
        return " or ".join(_describe(t) for t in type_name)
    return _KIND.get(type_name, type_name)


def _found(value) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the boolean {value!r}"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    return f"the text {value[:40]!r}"


def _schema_error(err: jsonschema.ValidationError, loaded: Loaded, file: str) -> FrameworkError:
    parts = tuple(err.absolute_path)
    path = yaml_path(parts)
    line = loaded.lines.get(path)
    v = err.validator
    if v == "required":
        missing = next(k for k in err.validator_value if k not in err.instance)
        return FrameworkError(file, line, yaml_path(parts + (missing,)), "missing",
                              f"Add `{missing}:` here (every translatable field needs both `en` and `es`).")
    if v == "additionalProperties":
        allowed = sorted(err.schema.get("properties", {}))
        extra = sorted(set(err.instance) - set(allowed))
        field = extra[0]
        return FrameworkError(file, loaded.lines.get(yaml_path(parts + (field,)), line),
                              yaml_path(parts + (field,)), f"unknown field {field!r}",
                              f"Remove it or fix its spelling; allowed here: {', '.join(allowed)}.")
    if v == "type":
        return FrameworkError(file, line, path, f"expected {_describe(err.validator_value)}, found {_found(err.instance)}",
                              "See data/framework.schema.json for the expected shape.")
    if v in ("minLength", "pattern") and isinstance(err.instance, str) and not err.instance.strip():
        return FrameworkError(file, line, path, "empty text", "Write the text, in the language its key names.")
    if v == "maxLength":
        return FrameworkError(file, line, path, f"text of {len(err.instance):,} characters, over the limit of {err.validator_value:,}",
                              "Shorten it: a framework item is a sentence or a short paragraph.")
    if v == "minItems":
        return FrameworkError(file, line, path, "empty list", "Add at least one item, or remove the field's parent.")
    if v == "pattern" and parts and parts[-1] == "id":
        return FrameworkError(file, line, path, f"the ID {err.instance!r} is not numbered like the framework",
                              'Use quoted dotted numbers: goals "1", areas "1.2", objectives "1.2.3".')
    if v == "pattern":
        return FrameworkError(file, line, path, f"{_found(err.instance)} does not have the expected form",
                              f"It must match {err.validator_value}.")
    return FrameworkError(file, line, path, err.message, "See data/framework.schema.json.")


def _walk_strings(value, parts=()):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _walk_strings(v, parts + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _walk_strings(v, parts + (i,))
    elif isinstance(value, str):
        yield parts, value


def check(loaded: Loaded, schema: dict, file: str) -> None:
    """Raise FrameworkError for the first problem in file order; return if none."""
    validator = jsonschema.Draft202012Validator(schema)
    errors = list(validator.iter_errors(loaded.data))
    if errors:
        def order(e):
            return (loaded.lines.get(yaml_path(tuple(e.absolute_path)), 0), -len(e.absolute_path))
        raise _schema_error(min(errors, key=order), loaded, file)

    problems: list[FrameworkError] = []
    for parts, value in _walk_strings(loaded.data):
        if parts[-1] in ("url", "date"):
            continue
        for pattern, what in _MARKUP:
            if pattern.search(value):
                path = yaml_path(parts)
                problems.append(FrameworkError(
                    file, loaded.lines.get(path), path, f"the text contains {what}",
                    "Write plain prose: the site shows data as text and never runs markup from it."))
                break

    seen: dict[str, str] = {}

    def unique(id_: str, path: str):
        if id_ in seen:
            problems.append(FrameworkError(file, loaded.lines.get(path + ".id"), path + ".id",
                                           f"duplicate ID {id_!r} (also at {seen[id_]})",
                                           "Give each goal, area and objective its own number."))
        seen[id_] = path

    for gi, goal in enumerate(loaded.data["goals"]):
        gpath = f"goals[{gi}]"
        unique(goal["id"], gpath)
        for ai, area in enumerate(goal["areas"]):
            apath = f"{gpath}.areas[{ai}]"
            unique(area["id"], apath)
            if area["id"].rsplit(".", 1)[0] != goal["id"]:
                problems.append(FrameworkError(
                    file, loaded.lines.get(apath + ".id"), apath + ".id",
                    f"area {area['id']} is listed under goal {goal['id']}",
                    f"Number it {goal['id']}.N, or move it under goal {area['id'].split('.')[0]}."))
            for oi, obj in enumerate(area["objectives"]):
                opath = f"{apath}.objectives[{oi}]"
                unique(obj["id"], opath)
                if obj["id"].rsplit(".", 1)[0] != area["id"]:
                    problems.append(FrameworkError(
                        file, loaded.lines.get(opath + ".id"), opath + ".id",
                        f"objective {obj['id']} is listed under area {area['id']}",
                        f"Number it {area['id']}.N, or move it under area {obj['id'].rsplit('.', 1)[0]}."))
    if problems:
        raise min(problems, key=lambda p: p.line or 0)
