"""Changing HR's YAML files as text: a value set, added or removed, a record appended to its list.

Only the lines of the value concerned are rewritten, and a new record is a
block of text added after the last one of its list: every other byte of the
file (comments, key order, layout, the `$schema` line) stays as HR wrote it.
Where a value starts and ends is read from the YAML parser's marks, so a value
written over several lines (a `|` block, a list) is replaced whole.
"""

from __future__ import annotations

import json
import re
from typing import NamedTuple

import yaml

Key = str | int
"""A step from the top of a document to a value: a mapping's key, or a position in a list."""

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_COMMENT = re.compile(r"^\s+#.*$")


class NotEditable(ValueError):
    """The value is not where the change expects it, or is written in a form these edits do not rewrite (inline braces)."""


class Change(NamedTuple):
    """One change to one YAML document.

    `at` leads from the top of the document to the value: ("roles", 2, "summary").
    "set" gives it `value`, adding the key (after the last written of `after`,
    else at the end of its mapping) when it is not written yet; "remove" takes
    the key and its value away; "append" adds the record `value` (a dict) at
    the end of the list at `at`.
    """

    at: tuple[Key, ...]
    value: object = None
    action: str = "set"
    after: tuple[str, ...] = ()


class Written(NamedTuple):
    """Where a change went: its first line (1-based), how many lines it replaced, and how many it now takes."""

    line: int
    removed: int
    added: int


def scalar(value: object) -> str:
    """`value` as YAML writes it on one line: plain when it can be, quoted when it must be."""
    if isinstance(value, str) and "\n" in value:
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a double-quoted YAML one, on one line
    dumped = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1_000_000)
    return dumped.removesuffix("\n...\n").removesuffix("\n")


def _block_text(value: object) -> bool:
    """Text with line breaks that reads well as a `|-` block: its first line not indented, no control characters."""
    return isinstance(value, str) and "\n" in value and not value[:1].isspace() and all(line.isprintable() for line in value.split("\n"))


def _flow(items: list[object]) -> str:
    return "[" + ", ".join(scalar(item) for item in items) + "]"


def render(key: Key | None, value: object, column: int, *, flow: bool | None = None, dash: int | None = None) -> list[str]:
    """The lines of `key: value` (or of a list item's `value`, when `key` is None) that starts at `column`.

    The first line is not indented (it goes after what precedes it on its
    line); the others are indented for their place. A list of ids is written
    inline, `[a, b]`, unless `flow` says otherwise; other lists one item a
    line, each dash at column `dash` (by default two further than the key).
    """
    head = "" if key is None else f"{key}: "
    if isinstance(value, dict):
        pairs = list(value.items())
        lines = [] if key is None else [f"{key}:"]
        inner = column if key is None else column + 2
        for index, (name, item) in enumerate(pairs):
            sub = render(name, item, inner)
            lines += sub if key is None and index == 0 else [" " * inner + sub[0], *sub[1:]]
        return lines
    if isinstance(value, list):
        if flow is None:
            flow = all(isinstance(item, str) and _ID.match(item) for item in value)
        if flow or not value or key is None:
            return [head + _flow(value)]
        lines = [f"{key}:"]
        dash = column + 2 if dash is None else dash
        for item in value:
            sub = render(None, item, dash + 2)
            lines += [" " * dash + "- " + sub[0], *sub[1:]]
        return lines
    if _block_text(value):
        assert isinstance(value, str)
        indent = " " * (column if key is None else column + 2)
        return [head + "|-", *(indent + line if line else "" for line in value.split("\n"))]
    return [head + scalar(value)]


def _compose(text: str) -> yaml.Node:
    node = yaml.compose(text, Loader=yaml.CSafeLoader)
    if node is None:
        raise NotEditable("the file is empty")
    return node


def _pair(mapping: yaml.Node, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    if not isinstance(mapping, yaml.MappingNode):
        raise NotEditable(f"'{key}' is not under a mapping")
    return next(((name, value) for name, value in mapping.value if name.value == key), None)


def _find(root: yaml.Node, at: tuple[Key, ...]) -> yaml.Node:
    node = root
    for step in at:
        if isinstance(step, int):
            if not isinstance(node, yaml.SequenceNode) or not 0 <= step < len(node.value):
                raise NotEditable(f"there is no item {step + 1} here")
            node = node.value[step]
        else:
            pair = _pair(node, step)
            if pair is None:
                raise NotEditable(f"'{step}' is not written here")
            node = pair[1]
    return node


def _last_line(lines: list[str], start: int, node: yaml.Node) -> int:
    """The last line (0-based) of `node`'s own text, starting at line `start`: not the blank lines or comments after it."""
    end = node.end_mark
    line = min(end.line, len(lines) - 1)
    if end.line >= len(lines) or not lines[end.line][: end.column].strip():
        line = end.line - 1  # the mark is at the start of whatever follows
    while line > start and (not lines[line].strip() or lines[line].lstrip().startswith("#")):
        line -= 1
    return max(line, start)


def _block(node: yaml.Node, what: str) -> None:
    if getattr(node, "flow_style", False):
        raise NotEditable(f"{what} is written inline, in brackets or braces")


def _item_columns(lines: list[str], item: yaml.Node) -> tuple[int, int]:
    """The column of a list item's dash, and of its value (the keys of a record)."""
    before = lines[item.start_mark.line][: item.start_mark.column].rstrip()
    if not before.endswith("-"):
        raise NotEditable("the list is not written one item a line")
    return len(before) - 1, item.start_mark.column


def apply(text: str, change: Change) -> tuple[str, Written]:
    """`text` (a whole file) with `change` made, and where it went; NotEditable when it cannot be made as text."""
    lines = text.split("\n")
    root = _compose(text)
    if change.action == "append":
        return _append(lines, root, change)
    parent = _find(root, change.at[:-1])
    last = change.at[-1]
    if isinstance(last, int):  # a list item written as text, e.g. a level's descriptor
        item = _find(parent, (last,))
        if not isinstance(item, yaml.ScalarNode):
            raise NotEditable("the item is not a text")
        first, end = item.start_mark.line, _last_line(lines, item.start_mark.line, item)
        column = item.start_mark.column
        new = render(None, change.value, column)
        return _replace(lines, first, end, lines[first][:column], new, lines[end][item.end_mark.column :] if first == end else "")
    pair = _pair(parent, last)
    if change.action == "remove":
        if pair is None:
            return text, Written(1, 0, 0)
        name, value = pair
        first, end = name.start_mark.line, _last_line(lines, name.start_mark.line, value)
        if lines[first][: name.start_mark.column].strip():
            raise NotEditable(f"'{last}' begins its record")
        del lines[first : end + 1]
        return "\n".join(lines), Written(first + 1, end - first + 1, 0)
    if pair is not None:
        name, value = pair
        first, end = name.start_mark.line, _last_line(lines, name.start_mark.line, value)
        column = name.start_mark.column
        flow, dash = None, None
        if isinstance(value, yaml.SequenceNode):  # a list keeps its form: inline, or one item a line at the same indentation
            flow = bool(value.flow_style)
            dash = _item_columns(lines, value.value[0])[0] if value.value and not flow else None
        if isinstance(value, yaml.MappingNode) and value.flow_style:
            raise NotEditable(f"'{last}' is written inline, in braces")
        tail = lines[end][value.end_mark.column :] if first == end == value.end_mark.line else ""
        new = render(last, change.value, column, flow=flow, dash=dash)
        return _replace(lines, first, end, lines[first][:column], new, tail)
    _block(parent, "the record")
    if not isinstance(parent, yaml.MappingNode) or not parent.value:
        raise NotEditable("the record is empty")
    previous = [pair for pair in parent.value if pair[0].value in change.after] or parent.value
    name, value = max(previous, key=lambda pair: pair[0].start_mark.line)
    end = _last_line(lines, name.start_mark.line, value)
    column = parent.start_mark.column
    new = render(last, change.value, column)
    lines[end + 1 : end + 1] = [" " * column + new[0], *new[1:]]
    return "\n".join(lines), Written(end + 2, 0, len(new))


def _replace(lines: list[str], first: int, end: int, prefix: str, new: list[str], tail: str) -> tuple[str, Written]:
    """Lines `first` to `end` replaced by `new`, the first after `prefix`; a comment that followed a one-line value is kept."""
    comment = tail if _COMMENT.match(tail) else ""
    replacement = [prefix + new[0] + comment, *new[1:]]
    lines[first : end + 1] = replacement
    return "\n".join(lines), Written(first + 1, end - first + 1, len(replacement))


def _append(lines: list[str], root: yaml.Node, change: Change) -> tuple[str, Written]:
    sequence = _find(root, change.at)
    if not isinstance(sequence, yaml.SequenceNode) or not sequence.value:
        raise NotEditable("the list is empty or not a list")
    _block(sequence, "the list")
    last = sequence.value[-1]
    dash, column = _item_columns(lines, last)
    end = _last_line(lines, last.start_mark.line, last)
    # Records separated by a blank line get one before the new record too.
    separated = len(sequence.value) > 1 and not lines[last.start_mark.line - 1].strip()
    body = render(None, change.value, column)
    block = [" " * dash + "-" + " " * (column - dash - 1) + body[0], *body[1:]]
    if separated:
        block.insert(0, "")
    lines[end + 1 : end + 1] = block
    return "\n".join(lines), Written(end + 2, 0, len(block))


def where(text: str, change: Change) -> int:
    """The line (1-based) of `text` that `change` concerns: the value's own line, or where a new one goes."""
    try:
        return apply(text, change)[1].line
    except (NotEditable, yaml.YAMLError):
        return 1
