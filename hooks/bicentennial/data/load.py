"""Load ``data/framework.yaml`` into plain data, refusing anything ambiguous.

PyYAML's ``safe_load`` silently keeps the last of two duplicate keys and reads
an unquoted ``1.10`` as the float 1.1. We compose the node tree ourselves
instead, so that every value keeps the line it came from and every problem is
reported as one ``FrameworkError`` naming the file, line and YAML path.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml

MAX_BYTES = 2_000_000  # the real file is ~15 KB, the 100× benchmark (bench/) ~1 MB; more is a mistake

_STR = "tag:yaml.org,2002:str"
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


class FrameworkError(Exception):
    """A problem in the data file: where it is, what is wrong, what to do."""

    def __init__(self, file: str, line: int | None, path: str, problem: str, fix: str = ""):
        self.file, self.line, self.path, self.problem, self.fix = file, line, path, problem, fix
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        at = f" at {self.path}" if self.path else ""
        tail = f" {self.fix}" if self.fix else ""
        return f"{where}:{at}: {self.problem}.{tail}".replace(":: ", ": ")


@dataclass
class Loaded:
    data: dict
    lines: dict[str, int]  # YAML path → 1-based line (of its key, for a mapping's value)
    ends: dict[str, int] = field(default_factory=dict)  # YAML path → 1-based last line of its value

    def span(self, path: str, fields) -> tuple[int, int]:
        """(first line, last line) of the mapping at `path`, counting only its keys in `fields`.

        An item's own lines run from its `- id:` line to the end of its last text, without its
        children (a goal's fields but `areas`), for links to the exact lines of the data file.
        """
        keys = [f"{path}.{key}" for key in fields]
        return min([self.lines[path]] + [self.lines[k] for k in keys]), max([self.lines[path]] + [self.ends[k] for k in keys])


def yaml_path(parts: tuple) -> str:
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


def _last_line(node: yaml.Node) -> int:
    """1-based line of a scalar's last character (a block scalar's end mark is at the next line's start)."""
    end = node.end_mark
    return end.line + 1 if end.column > 0 or end.line == node.start_mark.line else end.line


def _build(node: yaml.Node, parts: tuple, lines: dict, file: str, loader: yaml.SafeLoader, seen=None,
           ends: dict | None = None):
    ends = {} if ends is None else ends
    line = node.start_mark.line + 1
    where = yaml_path(parts)
    seen = set() if seen is None else seen
    if id(node) in seen:  # an alias (*name): a few lines of them can expand into billions of nodes
        raise FrameworkError(file, line, where, "an alias (*name) repeats the value anchored (&name) on this line",
                             "Write each value out in full: anchors and aliases are not allowed.")
    seen.add(id(node))
    lines[where] = line
    if node.tag not in _PLAIN_TAGS:
        raise FrameworkError(file, line, where, f"the tag {node.tag!r} is not allowed",
                             "Remove it: the file holds plain text, lists and mappings only.")
    if isinstance(node, yaml.MappingNode):
        out: dict = {}
        end = line
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
                raise FrameworkError(file, key_node.start_mark.line + 1, where,
                                     "a key must be a plain word", "Use keys such as `id`, `title`, `en`.")
            key = key_node.value
            child = f"{where}.{key}" if where else key  # yaml_path(parts + (key,))
            if key in out:
                raise FrameworkError(
                    file, key_node.start_mark.line + 1, child,
                    f"duplicate key {key!r} (first at line {lines[child]})",
                    "Keep one of them: YAML would silently drop the first.")
            out[key] = _build(value_node, parts + (key,), lines, file, loader, seen, ends)
            lines[child] = key_node.start_mark.line + 1  # the key's line reads best
            end = max(end, ends[child])
        ends[where] = end
        return out
    if isinstance(node, yaml.SequenceNode):
        items = []
        end = line
        for i, value_node in enumerate(node.value):
            items.append(_build(value_node, parts + (i,), lines, file, loader, seen, ends))
            end = max(end, ends[f"{where}[{i}]"])
        ends[where] = end
        return items
    ends[where] = _last_line(node)
    if node.tag == _STR:
        return node.value
    if parts and parts[-1] == "id":
        # YAML reads `1.10` as the float 1.1 and `2` as an integer: IDs must be quoted.
        raise FrameworkError(file, line, where, f"the ID {node.value} is not a quoted string",
                             f'Write it as id: "{node.value}".')
    return loader.construct_object(node, deep=True)


def _compose(source: str):
    """The YAML node tree of `source`; syntax errors as PyYAML's own parser words them.

    libyaml's parser builds the same tree, line marks included, about ten
    times faster (1 MB at 100×: bench/), but words its errors differently,
    so a file it refuses is read again by the pure-Python parser for the message.
    """
    if hasattr(yaml, "CSafeLoader"):
        loader = yaml.CSafeLoader(source)
        try:
            return loader.get_single_node()
        except yaml.YAMLError:
            pass
        finally:
            loader.dispose()
    loader = yaml.SafeLoader(source)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def parse(path: Path, display: str | None = None) -> Loaded:
    file = display or str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FrameworkError(file, None, "", f"cannot read the file ({exc.strerror})",
                             "Check that data/framework.yaml exists.") from exc
    if len(raw) > MAX_BYTES:
        raise FrameworkError(file, None, "", f"the file is {len(raw):,} bytes, over the {MAX_BYTES:,}-byte limit",
                             "It should be a few kilobytes: look for pasted or repeated text.")
    try:
        source = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FrameworkError(file, line, "", f"byte 0x{raw[exc.start]:02x} is not valid UTF-8",
                             "Save the file as UTF-8.") from exc
    if not source.strip():
        raise FrameworkError(file, 1, "", "the file is empty",
                             "Restore it from git: it must hold `framework:` and `goals:`.")
    try:
        node = _compose(source)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = (exc.problem or exc.context or "invalid YAML").rstrip(".")
        if exc.problem and exc.context and exc.context_mark and mark and exc.context_mark.line != mark.line:
            problem += f" ({exc.context} that starts on line {exc.context_mark.line + 1})"
        text_lines = source.splitlines()
        if line and line <= len(text_lines) and "\t" in text_lines[line - 1]:
            problem += " (a tab character: YAML indentation must use spaces)"
        raise FrameworkError(file, line, "", f"YAML syntax error: {problem}",
                             "Fix the syntax on that line (indent with spaces, quote text containing ': ').") from exc
    except yaml.YAMLError as exc:
        raise FrameworkError(file, None, "", f"YAML error: {exc}", "Fix the syntax.") from exc
    if node is None:
        raise FrameworkError(file, 1, "", "the file holds no data",
                             "Restore it from git: it must hold `framework:` and `goals:`.")
    lines: dict[str, int] = {}
    ends: dict[str, int] = {}
    data = _build(node, (), lines, file, yaml.SafeLoader(""), ends=ends)
    text_lines = source.splitlines()
    for path, end in ends.items():  # a block scalar (`|`, `>`) ends after the blank lines that follow it
        while end > lines[path] and not text_lines[end - 1].strip():
            end -= 1
        ends[path] = end
    return Loaded(data=data, lines=lines, ends=ends)


def load_schema(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))
