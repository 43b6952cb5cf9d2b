"""The fields each kind of data file must have, read from its schema: the editors' guide lists them, always in step."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NamedTuple

KINDS = (
    ("company.json", "data/company.yml"),
    ("career-path.json", "data/career_paths/<family>.yml"),
    ("competencies.json", "data/competencies.yml"),
    ("question-bank.json", "data/questions/<bank>.yml"),
    ("template.json", "data/templates/<template>.yml"),
    ("worksheet.json", "data/worksheets/<worksheet>.yml"),
    ("opportunities.json", "data/opportunities.yml"),
)


class RequiredFields(NamedTuple):
    file: str
    where: str
    """Empty for the file itself, else the list the records are in, e.g. `roles`."""
    fields: tuple[str, ...]


def _records(schema: dict[str, Any], where: str) -> list[tuple[str, dict[str, Any]]]:
    found = [(where, schema)]
    for name, definition in schema.get("properties", {}).items():
        items = definition.get("items") if definition.get("type") == "array" else None
        if isinstance(items, dict) and items.get("type") == "object":
            found += _records(items, f"{where} → {name}" if where else name)
    return found


def required_fields(schema_dir: Path) -> list[RequiredFields]:
    """For each kind of file, and each list of records in it, the fields that must be there."""
    rows = []
    for schema_name, file in KINDS:
        schema = json.loads((schema_dir / schema_name).read_text(encoding="utf-8"))
        for where, part in _records(schema, ""):
            if part.get("required"):
                rows.append(RequiredFields(file, where, tuple(part["required"])))
    return rows
