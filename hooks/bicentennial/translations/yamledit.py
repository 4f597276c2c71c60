"""Replace single scalar values of a YAML file in place, every other byte kept.

A round trip through a YAML library rewrites quoting, line breaks and
comments. Here the file is composed once (PyYAML's pure-Python composer:
its marks count characters, as Python strings do) to find where each value
to replace starts and ends, and only those characters are rewritten. The
new value is written in the old one's quoting style when it can be (plain
stays plain unless the text needs quotes, which are then double, as
elsewhere in the file), always on one line.
"""

from __future__ import annotations

import yaml


class EditError(Exception):
    pass


def _node_at(root: yaml.Node, parts: tuple) -> yaml.Node:
    node = root
    for part in parts:
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            node = next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            node = None
        if node is None:
            raise EditError(f"no value at {parts!r}")
    return node


_STR = "tag:yaml.org,2002:str"


def _emit(value: str, style: str | None) -> str:
    # As PyYAML's serializer does: plain is allowed only if the text would be read back as text (not 123, true…).
    plain_is_text = yaml.resolver.Resolver().resolve(yaml.ScalarNode, value, (True, False)) == _STR
    events = [yaml.StreamStartEvent(), yaml.DocumentStartEvent(explicit=False),
              yaml.MappingStartEvent(anchor=None, tag=None, implicit=True, flow_style=False),
              yaml.ScalarEvent(None, None, (True, False), "k"),
              yaml.ScalarEvent(None, None, (plain_is_text, True), value, style=style),
              yaml.MappingEndEvent(), yaml.DocumentEndEvent(explicit=False), yaml.StreamEndEvent()]
    out = yaml.emit(events, allow_unicode=True, width=10**9, line_break="\n")
    assert out.startswith("k: ") and out.endswith("\n"), out
    return out[3:-1]  # may still span lines: scalar() then asks for double quotes


def scalar(value: str, old_style: str | None) -> str:
    """`value` as a one-line YAML scalar for a block mapping value, in `old_style` if it allows."""
    style = old_style if old_style in ("'", '"') else None
    out = _emit(value, style)
    if style is None and out[:1] in ("'", '"'):  # plain is impossible: quote as the file does elsewhere
        out = _emit(value, '"')
    if "\n" in out:  # a value the emitter would fold: double quotes keep it on one line
        out = _emit(value, '"')
    if yaml.safe_load("k: " + out) != {"k": value}:
        raise EditError(f"cannot write {value!r} as YAML")
    return out


def replace(source: str, values: dict[tuple, str]) -> str:
    """`source` with the scalar at each YAML path (a tuple of keys and indexes) replaced by its new value."""
    if not values:
        return source
    loader = yaml.SafeLoader(source)
    try:
        root = loader.get_single_node()
    finally:
        loader.dispose()
    spans = []
    for parts, value in values.items():
        node = _node_at(root, parts)
        if not isinstance(node, yaml.ScalarNode):
            raise EditError(f"the value at {parts!r} is not text")
        spans.append((node.start_mark.index, node.end_mark.index, scalar(value, node.style)))
    out, at = [], 0
    for start, end, text in sorted(spans):
        out += [source[at:start], text]
        at = end
    out.append(source[at:])
    return "".join(out)
