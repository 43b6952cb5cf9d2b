"""Structural validation against the JSON Schemas in `data/schema/`.

The schemas are the single source of structural rules: editors use them while
HR types, and the build uses them here, so the two can never disagree. This
module turns validation findings into messages a non-programmer can act on.

Two validators, one schema: jsonschema-rs (compiled, about a hundred times
faster) decides whether a file is valid, which is all a build of good data
needs. Only when a file is not valid is jsonschema loaded, because its error
objects carry the sub-schema and keyword that the messages below explain.
"""

from __future__ import annotations

import difflib
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

import jsonschema_rs

from .errors import DataProblem
from .yaml_loader import Located

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator, ValidationError

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "data" / "schema"

# How a record inside a list is named in messages ("role 'senior-engineer'").
RECORD_NOUNS = {
    "competencies": "competency",
    "roles": "role",
    "questions": "question",
    "sections": "section",
}
TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "array": "a list (lines starting with '- ')",
    "object": "a group of 'key: value' lines",
    "boolean": "true or false",
}
YAML11_BOOLEANS = {"yes", "no", "on", "off", "y", "n", "true", "false"}


@lru_cache(maxsize=None)
def _schemas(schema_dir: Path) -> tuple[tuple[str, Any], ...]:
    """Every schema of the folder, by file name (how they refer to each other)."""
    return tuple(
        (path.name, json.loads(path.read_text(encoding="utf-8"))) for path in sorted(schema_dir.glob("*.json"))
    )


@lru_cache(maxsize=None)
def _registry(schema_dir: Path) -> jsonschema_rs.Registry:
    """The schemas of the folder, for resolving their references to each other."""
    return jsonschema_rs.Registry(list(_schemas(schema_dir)))


@lru_cache(maxsize=None)
def _checker_for(schema_name: str, schema_dir: Path = SCHEMA_DIR) -> jsonschema_rs.Validator:
    """The fast validity check for `schema_name`, with the shared definitions resolvable."""
    return jsonschema_rs.validator_for(dict(_schemas(schema_dir))[schema_name], registry=_registry(schema_dir))


@lru_cache(maxsize=None)
def validator_for(schema_name: str, schema_dir: Path = SCHEMA_DIR) -> Draft202012Validator:
    """The explaining validator for `schema_name`, with the shared definitions resolvable."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    resources = [(name, Resource.from_contents(schema)) for name, schema in _schemas(schema_dir)]
    registry: Registry = Registry().with_resources(resources)
    return Draft202012Validator(registry.contents(schema_name), registry=registry)


def schema_problems(data: Any, schema_name: str, display_path: str) -> list[DataProblem]:
    """Every structural problem of one file's content, as messages with lines."""
    checker = _checker_for(schema_name)
    try:
        if checker.is_valid(data):
            return []
    except ValueError:  # a value JSON cannot hold, such as !!binary: jsonschema explains it
        pass
    explained = [_problem(error, data, display_path) for error in validator_for(schema_name).iter_errors(data)]
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
    container, key = steps[-1]
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
            return (
                f"{field} is {source}, which YAML reads as {str(value).lower()}, not as text: "
                f"put it in quotes, e.g. '{source}'"
            )
        if isinstance(value, (int, float)) and ":" in source:
            return (
                f"{field} is {source}, which YAML reads as the number {value} (base 60), "
                f"not as text: put it in quotes, e.g. '{source}'"
            )
        if isinstance(value, (int, float)):
            return f"{field} is {_describe(value)}, but text is expected: put it in quotes, e.g. '{source}'"
    return f"{field} should be {TYPE_NAMES.get(wanted, wanted)}, not {_describe(value)}"


def _problem(error: ValidationError, data: Any, display_path: str) -> DataProblem:
    steps, record = _walk(data, error.absolute_path)
    prefix = f"{record}: " if record else ""
    field = _field_name(steps)
    line = _line(steps, data)
    kind = error.validator
    value = error.instance
    target = steps[-1][0][steps[-1][1]] if steps else data

    if kind == "required":
        missing = re.match(r"'([^']+)'", error.message)
        name = missing.group(1) if missing else str(error.validator_value)
        hint = error.schema.get("properties", {}).get(name, {}).get("description", "")
        where = f" to {field}" if steps and not record else ""
        return DataProblem(
            display_path, line, f"{prefix}missing required key '{name}': add it{where}. {hint}".rstrip()
        )
    if kind == "additionalProperties" and isinstance(target, dict):
        allowed = error.schema.get("properties", {})
        extras = [key for key in target if key not in allowed]
        key = extras[0] if extras else "?"
        key_line = target.line_of(key) if isinstance(target, Located) else line
        known = ", ".join(allowed)
        return DataProblem(
            display_path,
            key_line,
            f"{prefix}unknown key '{key}'{_suggest(key, allowed)}: the keys allowed here are {known}",
        )
    if kind == "pattern" and isinstance(target, dict) and isinstance(value, str) and value in target:
        # A key that breaks the id rule (propertyNames), e.g. a skill name.
        key_line = target.line_of(value) if isinstance(target, Located) else line
        return DataProblem(
            display_path,
            key_line,
            f"{prefix}'{value}' in {field} is not a valid id: use lowercase letters, digits and "
            f"single hyphens, e.g. '{_slug(value)}'",
        )
    if kind == "type":
        return DataProblem(
            display_path, line, prefix + _type_message(field, error.validator_value, value, _source(steps))
        )
    if kind == "pattern":
        pattern = str(error.validator_value)
        if pattern.startswith("^[a-z0-9]+"):
            message = (
                f"{field} is '{value}', which is not a valid id: use lowercase letters, digits "
                f"and single hyphens, e.g. '{_slug(str(value))}'"
            )
        elif pattern == "^[^<>]*$":
            message = f"{field} must be plain text: remove the < and > characters"
        else:
            hint = error.schema.get("description", "")
            message = f"{field} has the wrong form ('{value}'). {hint}".rstrip()
        return DataProblem(display_path, line, prefix + message)
    if kind == "minLength":
        return DataProblem(display_path, line, f"{prefix}{field} is empty: write some text")
    if kind in ("minItems", "minProperties"):
        count = error.validator_value
        noun = "entry" if count == 1 else "entries"
        return DataProblem(display_path, line, f"{prefix}{field} needs at least {count} {noun}")
    if kind in ("minimum", "maximum"):
        bound = "at least" if kind == "minimum" else "at most"
        return DataProblem(
            display_path, line, f"{prefix}{field} is {value}, but must be {bound} {error.validator_value}"
        )
    if kind == "enum":
        options = ", ".join(str(option) for option in error.validator_value)
        return DataProblem(
            display_path,
            line,
            f"{prefix}{field} is '{value}'{_suggest(str(value), map(str, error.validator_value))}: "
            f"use one of {options}",
        )
    return DataProblem(display_path, line, f"{prefix}{field}: {error.message}")
