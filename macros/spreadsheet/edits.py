"""Changing one value of a YAML file by rewriting only its line.

A value the workbook changes (a title, a level, a question's text) is a
scalar written on one line, `key: value`, possibly after `- ` and before a
comment. Only that line is rewritten: every other byte of the file (comments,
key order, layout, the `$schema` line) stays as HR wrote it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

import yaml


class LineEdit(NamedTuple):
    """Set `key` on line `line` (1-based) of `path` to `value`; `cell` is where the workbook says so."""

    path: Path
    line: int
    key: str
    value: object
    cell: str
    what: str
    """The change in words, e.g. "Senior Engineer, Technical craft: Practitioner → Advanced"."""


class NotOnOneLine(ValueError):
    """The value is written over several lines (or not as `key: value`): it has to be edited in the file."""


def scalar(value: object) -> str:
    """`value` as YAML writes it on one line: plain when it can be, quoted when it must be."""
    dumped = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1_000_000)
    return dumped.removesuffix("\n...\n").removesuffix("\n")


def rewrite_line(text: str, edit: LineEdit) -> str:
    """`text` (a whole file) with the value on `edit.line` replaced; NotOnOneLine when it is not a one-line scalar."""
    lines = text.split("\n")
    index = edit.line - 1
    if not 0 <= index < len(lines):
        raise NotOnOneLine(edit.key)
    match = re.match(rf"^(\s*(?:- )?{re.escape(edit.key)}:[ \t]+)(.*?)([ \t]+#.*)?$", lines[index])
    if match is None or match.group(2)[:1] in ("|", ">", "[", "{", "&", "*", "!"):
        raise NotOnOneLine(edit.key)
    try:
        yaml.safe_load(match.group(2))
    except yaml.YAMLError:
        raise NotOnOneLine(edit.key) from None  # a quoted value that goes on over the next lines
    lines[index] = match.group(1) + scalar(edit.value) + (match.group(3) or "")
    return "\n".join(lines)
