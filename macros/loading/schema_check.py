"""Structural validation against the JSON Schemas in `schema/`, beside this module.

The schemas are the single source of structural rules. They ship in the package,
so the build and HR's commands check data the same way wherever the plugin is
installed; `data/schema/` holds the same files for editors, whose `$schema`
lines point there (a unit test keeps the two identical). This module turns
validation findings into messages a non-programmer can act on.

Two validators, one schema: jsonschema-rs (compiled, about a hundred times
faster) decides whether a file is valid, which is all a build of good data
needs. Only when a file is not valid is jsonschema loaded, because its error
objects carry the sub-schema and keyword that the messages below explain.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import jsonschema_rs

from ..model.errors import DataProblem
from .yaml_reader import Located

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator, ValidationError

SCHEMA_DIR = Path(__file__).resolve().parent / "schema"
"""The schemas the loader was written for, shipped with it."""

# How a record inside a list is named in messages ("role 'senior-engineer'").
RECORD_NOUNS = {
    "competencies": "competency",
    "roles": "role",
    "questions": "question",
    "sections": "section",
    "opportunities": "opportunity",
}
TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "array": "a list (lines starting with '- ')",
    "object": "a group of 'key: value' lines",
    "boolean": "true or false",
}
YAML11_BOOLEANS = {"yes", "no", "on", "off", "y", "n", "true", "false"}


@cache
def _schemas(schema_dir: Path) -> tuple[tuple[str, Any], ...]:
    """Every schema of the folder, by file name (how they refer to each other)."""
    return tuple((path.name, json.loads(path.read_text(encoding="utf-8"))) for path in sorted(schema_dir.glob("*.json")))


@cache
def _registry(schema_dir: Path) -> jsonschema_rs.Registry:
    """The schemas of the folder, for resolving their references to each other."""
    return jsonschema_rs.Registry(list(_schemas(schema_dir)))


@cache
def _checker_for(schema_name: str, schema_dir: Path = SCHEMA_DIR) -> jsonschema_rs.Validator:
    """The fast validity check for `schema_name`, with the shared definitions resolvable."""
    return jsonschema_rs.validator_for(dict(_schemas(schema_dir))[schema_name], registry=_registry(schema_dir))


@cache
def validator_for(schema_name: str, schema_dir: Path = SCHEMA_DIR) -> Draft202012Validator:
    """The explaining validator for `schema_name`, with the shared definitions resolvable."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    resources = [(name, Resource.from_contents(schema)) for name, schema in _schemas(schema_dir)]
    registry: Registry = Registry().with_resources(resources)
    return Draft202012Validator(registry.contents(schema_name), registry=registry)


def broken_records(data: Any, schema_name: str, records: str, schema_dir: Path = SCHEMA_DIR) -> set[int] | None:
    """The positions in `data[records]` of the records with structural problems, when only
    records have any; None when the file itself (outside its records) has problems."""
    positions: set[int] = set()
    try:
        errors = list(_checker_for(schema_name, schema_dir).iter_errors(data))
    except ValueError:
        return None
    for error in errors:
        path = list(error.instance_path)
        if len(path) < 2 or path[0] != records or not isinstance(path[1], int):
            return None
        positions.add(path[1])
    return positions


def schema_problems(data: Any, schema_name: str, display_path: str, schema_dir: Path = SCHEMA_DIR) -> list[DataProblem]:
    """Every structural problem of one file's content, as messages with lines."""
    checker = _checker_for(schema_name, schema_dir)
    try:
        if checker.is_valid(data):
            return []
    except ValueError:  # a value JSON cannot hold, such as !!binary: jsonschema explains it
        pass
    explained = [_problem(error, data, display_path) for error in validator_for(schema_name, schema_dir).iter_errors(data)]
    if explained:
        return explained
    # The two validators agree on data; where regular expressions differ (in
    # Python `$` also matches before a final line break, as in an id written
    # with `|`), the compiled one is the stricter, and its findings are reported.
    try:
        return [_plain_problem(error, data, display_path) for error in checker.iter_errors(data)]
    except ValueError:
        return [DataProblem(display_path, 1, "the file holds a value that is not text, a number, a list or a group")]


def _plain_problem(error: jsonschema_rs.ValidationError, data: Any, display_path: str) -> DataProblem:
    steps, record = _walk(data, error.instance_path)
    prefix = f"{record}: " if record else ""
    field = _field_name(steps)
    if isinstance(error.instance, str) and "\n" in error.instance:
        message = f"{field} ends with a line break: write it on one line after the colon, without | or >"
    else:
        message = f"{field}: {error.message}"
    return DataProblem(display_path, _line(steps, data), prefix + message)


def _walk(data: Any, path: Iterable[Any]) -> tuple[list[tuple[Any, Any]], str]:
    """Containers along `path` (each with the key taken from it) and the record name."""
    steps: list[tuple[Any, Any]] = []
    record = ""
    node = data
    parent_key: Any = None
    for key in path:
        steps.append((node, key))
        node = node[key]
        if isinstance(key, int) and parent_key in RECORD_NOUNS:
            noun = RECORD_NOUNS[parent_key]
            ident = node.get("id") if isinstance(node, dict) else None
            record = f"{noun} '{ident.strip()}'" if isinstance(ident, str) else f"{noun} {key + 1}"
        parent_key = key
    return steps, record


def _field_name(steps: list[tuple[Any, Any]]) -> str:
    if not steps:
        return "the file"
    key = steps[-1][1]
    if isinstance(key, int):
        owner = f"'{steps[-2][1]}'" if len(steps) > 1 else "the list"
        return f"item {key + 1} of {owner}"
    return f"'{key}'"


def _line(steps: list[tuple[Any, Any]], data: Any) -> int:
    if not steps:
        return data.line if isinstance(data, Located) else 1
    container, key = steps[-1]
    return container.line_of(key) if isinstance(container, Located) else 1


def _source(steps: list[tuple[Any, Any]]) -> str | None:
    if not steps:
        return None
    container, key = steps[-1]
    return container.source_of(key) if isinstance(container, Located) else None


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"{str(value).lower()} (yes/no)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return "text"
    if isinstance(value, bytes):
        return "binary data (!!binary)"
    if isinstance(value, list):
        return "a list"
    return "a group of 'key: value' lines"


def _suggest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "my-id"


def _type_message(field: str, expected: str | list[str], value: Any, source: str | None) -> str:
    wanted = expected if isinstance(expected, str) else expected[0]
    if value is None:
        return f"{field} is empty: write {TYPE_NAMES.get(wanted, wanted)} after the colon"
    if wanted == "string" and source is not None:
        if isinstance(value, bool) and source.lower() in YAML11_BOOLEANS:
            return f"{field} is {source}, which YAML reads as {str(value).lower()}, not as text: put it in quotes, e.g. '{source}'"
        if isinstance(value, (int, float)) and ":" in source:
            return f"{field} is {source}, which YAML reads as the number {value} (base 60), not as text: put it in quotes, e.g. '{source}'"
        if isinstance(value, (int, float)):
            return f"{field} is {_describe(value)}, but text is expected: put it in quotes, e.g. '{source}'"
    return f"{field} should be {TYPE_NAMES.get(wanted, wanted)}, not {_describe(value)}"


class Finding(NamedTuple):
    """One schema finding, located in the file and named for the reader."""

    error: ValidationError
    steps: list[tuple[Any, Any]]
    field: str  # "'title'", "item 2 of 'next'", "the file"
    line: int
    target: Any  # the value the finding is about (a group for key-level findings)
    record: str  # "role 'senior-engineer'" when inside a record of a list

    @property
    def rule(self) -> Mapping[str, Any]:
        """The part of the schema that was broken (where its own messages live)."""
        return self.error.schema if isinstance(self.error.schema, Mapping) else {}

    @property
    def value(self) -> Any:
        return self.error.instance

    @property
    def limit(self) -> Any:
        """The broken keyword's value: the pattern, the minimum, the allowed types or values."""
        return self.error.validator_value


def _required(finding: Finding) -> tuple[int, str]:
    missing = re.match(r"'([^']+)'", finding.error.message)
    name = missing.group(1) if missing else str(finding.limit)
    hint = finding.rule.get("properties", {}).get(name, {}).get("description", "")
    return finding.line, f"missing required key '{name}': add it{_where(finding)}. {hint}".rstrip()


def _where(finding: Finding) -> str:
    """ " to 'skills'" for a key missing inside a group that is not a whole record."""
    return f" to {finding.field}" if finding.steps and not finding.record else ""


def _unknown_key(finding: Finding) -> tuple[int, str]:
    allowed = finding.rule.get("properties", {})
    target = finding.target if isinstance(finding.target, dict) else {}
    extras = [key for key in target if key not in allowed]
    key = extras[0] if extras else "?"
    line = target.line_of(key) if isinstance(target, Located) and key in target else finding.line
    return line, f"unknown key '{key}'{_suggest(key, allowed)}: the keys allowed here are {', '.join(allowed)}"


def _pattern(finding: Finding) -> tuple[int, str]:
    # What the rule means is written beside it in the schema (patternErrorMessage,
    # which editors show too), so a changed rule cannot leave a stale message here.
    meaning = finding.rule.get("patternErrorMessage", "does not have the expected form")
    target, value = finding.target, finding.value
    if isinstance(target, dict) and isinstance(value, str) and value in target:
        # A key that breaks the rule (propertyNames), e.g. a skill named instead of its id.
        line = target.line_of(value) if isinstance(target, Located) else finding.line
        return line, f"'{value}' in {finding.field} {meaning}{_would_do(value, finding.limit)}"
    return finding.line, f"{finding.field} is '{value}', which {meaning}{_would_do(value, finding.limit)}"


def _would_do(value: Any, pattern: Any) -> str:
    """' ('senior-engineer' would do)' when the value, made lowercase and hyphenated, fits the rule."""
    slug = _slug(str(value))
    return f" ('{slug}' would do)" if slug != value and re.search(str(pattern), slug) else ""


def _wrong_type(finding: Finding) -> tuple[int, str]:
    if finding.value is None and finding.rule.get("emptyErrorMessage"):
        # Why a value typed there reads as empty, written beside the field's rule
        # (a colour's "#" starts a YAML comment, say).
        return finding.line, f"{finding.field} is empty: {finding.rule['emptyErrorMessage']}"
    return finding.line, _type_message(finding.field, finding.limit, finding.value, _source(finding.steps))


def _empty_text(finding: Finding) -> tuple[int, str]:
    return finding.line, f"{finding.field} is empty: write some text"


def _too_few(finding: Finding) -> tuple[int, str]:
    noun = "entry" if finding.limit == 1 else "entries"
    return finding.line, f"{finding.field} needs at least {finding.limit} {noun}"


def _too_small(finding: Finding) -> tuple[int, str]:
    return finding.line, f"{finding.field} is {finding.value}, but must be at least {finding.limit}"


def _too_large(finding: Finding) -> tuple[int, str]:
    return finding.line, f"{finding.field} is {finding.value}, but must be at most {finding.limit}"


def _not_listed(finding: Finding) -> tuple[int, str]:
    options = [str(option) for option in finding.limit]
    return finding.line, (f"{finding.field} is '{finding.value}'{_suggest(str(finding.value), options)}: use one of {', '.join(options)}")


MESSAGES: Mapping[str, Callable[[Finding], tuple[int, str]]] = {
    "required": _required,
    "additionalProperties": _unknown_key,
    "pattern": _pattern,
    "type": _wrong_type,
    "minLength": _empty_text,
    "minItems": _too_few,
    "minProperties": _too_few,
    "minimum": _too_small,
    "maximum": _too_large,
    "enum": _not_listed,
}
"""For each kind of schema rule, the message that explains a broken one (line, text)."""


def _problem(error: ValidationError, data: Any, display_path: str) -> DataProblem:
    steps, record = _walk(data, error.absolute_path)
    target = steps[-1][0][steps[-1][1]] if steps else data
    finding = Finding(error, steps, _field_name(steps), _line(steps, data), target, record)
    explain = MESSAGES.get(str(error.validator))
    line, message = explain(finding) if explain else (finding.line, f"{finding.field}: {error.message}")
    prefix = f"{record}: " if record else ""
    return DataProblem(display_path, line, prefix + message)
