"""The JSON Schemas in data/schema/ and the loader agree, and editors get help from them.

The schemas are checked here with plain jsonschema, as an editor's YAML
extension would use them, independently of the loader's own schema step.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import PROJECT, SAMPLE_DATA, SCHEMAS, editor_errors, editor_yaml

from macros.loading import load_guide
from macros.model.errors import DataError

pytestmark = pytest.mark.unit

INVALID = Path(__file__).parent / "fixtures" / "invalid"
SCHEMA_OF_FOLDER = {
    "career_paths": "career-path.json",
    "questions": "question-bank.json",
    "templates": "template.json",
    "worksheets": "worksheet.json",
}
SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


def _editor_errors(document: Path, schema_name: str) -> list[str]:
    return editor_errors(editor_yaml(document.read_text(encoding="utf-8")), schema_name)


def _data_files() -> Iterator[Path]:
    data = PROJECT / "data"
    yield from sorted(data.glob("*.yml"))
    for folder in SCHEMA_OF_FOLDER:
        yield from sorted((data / folder).glob("*.yml"))


def _properties(node: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        for name, definition in node.get("properties", {}).items():
            yield f"{where}.{name}", definition
        for key, value in node.items():
            yield from _properties(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _properties(value, f"{where}[{index}]")


def test_every_field_has_a_description_for_editors() -> None:
    for path in SCHEMAS.glob("*.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        assert schema.get("description"), path.name
        missing = [where for where, definition in _properties(schema, path.name) if not definition.get("description")]
        assert not missing, f"fields without a description: {missing}"


@pytest.mark.parametrize("document", list(_data_files()), ids=lambda path: path.relative_to(PROJECT).as_posix())
def test_every_data_file_points_at_its_schema_and_passes_it(document: Path) -> None:
    first_line = document.read_text(encoding="utf-8").splitlines()[0]
    match = SCHEMA_LINE.match(first_line)
    assert match, f"{document.name} does not start with its yaml-language-server line"
    schema = (document.parent / match.group(1)).resolve()
    assert schema.is_file() and schema.parent == SCHEMAS.resolve()
    assert _editor_errors(document, schema.name) == []


def test_the_default_data_passes_the_loader() -> None:
    assert load_guide(PROJECT / "data").roles


INVALID_FIXTURES = sorted(INVALID.glob("*/*.yml"))


@pytest.mark.parametrize("fixture", INVALID_FIXTURES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_each_invalid_fixture_fails_both_the_schema_and_the_loader(fixture: Path, tmp_path: Path) -> None:
    folder = fixture.parent.name
    assert _editor_errors(fixture, SCHEMA_OF_FOLDER[folder]), "the editor accepts it"

    data = Path(shutil.copytree(SAMPLE_DATA, tmp_path / "data"))
    shutil.copy(fixture, data / folder / fixture.name)
    with pytest.raises(DataError) as caught:
        load_guide(data)
    shown = f"data/{folder}/{fixture.name}:"
    assert any(str(problem).startswith(shown) for problem in caught.value.problems), caught.value.report()


def test_there_is_an_invalid_fixture_for_every_kind_of_folder() -> None:
    assert {path.parent.name for path in INVALID_FIXTURES} == set(SCHEMA_OF_FOLDER)


def _rules(node: object) -> Iterator[dict[str, object]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _rules(value)
    elif isinstance(node, list):
        for value in node:
            yield from _rules(value)


def test_every_pattern_says_in_words_what_it_asks_for() -> None:
    """The build's message, and the editor's, come from the schema: a new or changed rule brings its own words."""
    unexplained = [
        f"{path.name}: {rule['pattern']}"
        for path in sorted(SCHEMAS.glob("*.json"))
        for rule in _rules(json.loads(path.read_text(encoding="utf-8")))
        if "pattern" in rule and not rule.get("patternErrorMessage")
    ]
    assert not unexplained, unexplained
