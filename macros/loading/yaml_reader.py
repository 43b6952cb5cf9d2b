"""Strict, line-aware YAML reading for files edited by hand.

PyYAML on its own keeps the last of two duplicate keys, expands aliases without
limit and forgets where each value came from. This loader, built on the fast
C parser, rejects duplicate keys and aliases, and remembers the line and the
original spelling of every value so that messages can point at it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..model.errors import DataProblem

try:  # The C parser is ten times faster; fall back where libyaml is missing.
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _BaseLoader = yaml.SafeLoader


class Located:
    """Mixin for containers that remember the line and source text of each item."""

    line: int
    item_lines: dict[Any, int]
    item_sources: dict[Any, str]

    def line_of(self, key: Any) -> int:
        """Line of the value stored under `key` (a mapping key or a list index)."""
        return self.item_lines.get(key, self.line)

    def source_of(self, key: Any) -> str | None:
        """The value exactly as typed, when it was a plain scalar (to explain `no` -> false)."""
        return self.item_sources.get(key)


class LocatedDict(dict, Located):  # type: ignore[type-arg]
    """A YAML mapping that remembers where each value is."""


class LocatedList(list, Located):  # type: ignore[type-arg]
    """A YAML sequence that remembers where each item is."""

    def without(self, positions: set[int]) -> LocatedList:
        """A copy without the items at `positions`, each remaining item with its own line."""
        kept = LocatedList(item for index, item in enumerate(self) if index not in positions)
        old = [index for index in range(len(self)) if index not in positions]
        kept.line = self.line
        kept.item_lines = {new: self.item_lines[index] for new, index in enumerate(old) if index in self.item_lines}
        kept.item_sources = {new: self.item_sources[index] for new, index in enumerate(old) if index in self.item_sources}
        return kept


class _DataLoadError(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def _plain_source(node: yaml.Node) -> str | None:
    # The C parser marks plain (unquoted) scalars with style '' and the Python one with None.
    if isinstance(node, yaml.ScalarNode) and not node.style:
        return str(node.value)
    return None


class _StrictLoader(_BaseLoader):  # type: ignore[misc]
    def construct_child(self, node: yaml.Node, line: int) -> Any:
        """Construct a value found at `line`, refusing aliases."""
        # A node met twice is an alias (`*name`): refusing it keeps files
        # readable and makes "billion laughs" files fail at once.
        if node in self.constructed_objects or node in self.recursive_objects:
            raise _DataLoadError(
                line,
                "anchors and aliases (&name, *name) are not supported here: write the value out in full",
            )
        return self.construct_object(node, deep=True)

    def construct_located_mapping(self, node: yaml.MappingNode) -> LocatedDict:
        mapping = LocatedDict()
        mapping.line = node.start_mark.line + 1
        mapping.item_lines, mapping.item_sources = {}, {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _DataLoadError(
                    key_node.start_mark.line + 1,
                    "merge keys (<<) are not supported here: write the keys out in full",
                )
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                raise _DataLoadError(
                    key_node.start_mark.line + 1,
                    f"key {key_node.value!r} must be a word such as 'title': put it in quotes or rename it",
                )
            if key in mapping:
                raise _DataLoadError(
                    key_node.start_mark.line + 1,
                    f"key '{key}' appears twice in the same record (first on line "
                    f"{mapping.item_lines.get(key, mapping.line)}): "
                    "keep only one",
                )
            mapping[key] = self.construct_child(value_node, key_node.start_mark.line + 1)
            mapping.item_lines[key] = value_node.start_mark.line + 1
            source = _plain_source(value_node)
            if source is not None:
                mapping.item_sources[key] = source
        return mapping

    def construct_located_sequence(self, node: yaml.SequenceNode) -> LocatedList:
        sequence = LocatedList()
        sequence.line = node.start_mark.line + 1
        sequence.item_lines, sequence.item_sources = {}, {}
        for index, item_node in enumerate(node.value):
            # An alias carries the line of its anchor, which is above the list.
            sequence.item_lines[index] = max(item_node.start_mark.line + 1, sequence.line)
            sequence.append(self.construct_child(item_node, sequence.item_lines[index]))
            source = _plain_source(item_node)
            if source is not None:
                sequence.item_sources[index] = source
        return sequence


_StrictLoader.add_constructor("tag:yaml.org,2002:map", _StrictLoader.construct_located_mapping)
_StrictLoader.add_constructor("tag:yaml.org,2002:seq", _StrictLoader.construct_located_sequence)
# A date (reviewed: 2027-03-31) stays the text written: the schemas check its form, and the
# loader reads it, so that a date that does not exist gets a message rather than a traceback.
_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _StrictLoader.construct_yaml_str)


def _syntax_message(error: yaml.MarkedYAMLError, text: str) -> tuple[int, str]:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 0
    lines = text.splitlines()
    offending = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in offending or "'\\t'" in str(error.problem):
        return line, "a tab is used for indentation: YAML needs spaces, replace the tab with spaces"
    if isinstance(error, yaml.constructor.ConstructorError) and error.problem and "tag" in error.problem:
        return line, ("tags such as !!python/... are not allowed in data files: remove the tag and write plain text")
    if error.context and "quoted scalar" in error.context and error.context_mark is not None:
        # The scanner stops where the file ends; the mistake is where the quote opens.
        opened = error.context_mark.line + 1
        return opened, (
            "a quote opens on this line and is never closed: add the closing quote at the end of the value, or remove the opening one"
        )
    if error.problem and "mapping values are not allowed" in error.problem:
        return line, ("a colon followed by a space inside a value makes YAML read it as a new key: put the whole value in double quotes")
    problem = (error.problem or "the YAML is not well formed").rstrip(".")
    context = f" {error.context}" if error.context else ""
    return line, (f"YAML syntax error ({problem}{context}): check the indentation, colons and quotes on this line and the one above")


def load_yaml_file(path: Path, display_path: str) -> tuple[Any, list[DataProblem]]:
    """Read one data file; return its content, or None with the problems that stop it."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        byte = raw[error.start]
        return None, [
            DataProblem(
                display_path,
                line,
                f"the file is not UTF-8 text (byte 0x{byte:02x}): save it with the UTF-8 encoding",
            )
        ]
    text = text.removeprefix("\ufeff")
    if not text.strip() or all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        return None, [DataProblem(display_path, 1, "the file is empty: add its content or delete the file")]
    loader = _StrictLoader(text)
    try:
        return loader.get_single_data(), []
    except _DataLoadError as error:
        return None, [DataProblem(display_path, error.line, error.message)]
    except yaml.MarkedYAMLError as error:
        line, message = _syntax_message(error, text)
        return None, [DataProblem(display_path, line, message)]
    except yaml.YAMLError as error:
        return None, [DataProblem(display_path, 1, f"YAML error: {error}")]
    finally:
        loader.dispose()
