"""Synthetic but realistic data at N times the default data, valid under the guide's own checks.

Copy k of the default data (k = 1 .. N-1; copy 0 is the data itself) renames
every id with a `-k<k>` suffix and keeps every reference inside its copy, so
families, ladders, lateral moves across families, question filters and
worksheets keep the shape HR gave them. Competencies and message templates
are shared, as in a real company: a bigger company has more roles, questions
and worksheets, not more kinds of skill or more ways to ask for a meeting.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

PROJECT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "macros", "data")
SCHEMA_LINE = "# yaml-language-server: $schema=../schema/{}.json\n"


def copy_project(destination: Path) -> Path:
    """A copy of the project's site sources (what a build reads), to change without touching the original."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = PROJECT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / part)
    return destination


def _renamer(copy: int) -> Callable[[str], str]:
    return lambda ident: f"{ident}-k{copy}"


def _renamed_before(record: dict[str, Any], rename: Callable[[str], str]) -> dict[str, Any]:
    """`record` with its previous ids renamed too: an old address leads to one page only."""
    if "previous_ids" not in record:
        return record
    return {**record, "previous_ids": [rename(ident) for ident in record["previous_ids"]]}


def _career_path(family: dict[str, Any], rename: Callable[[str], str]) -> dict[str, Any]:
    family = _renamed_before({**family, "id": rename(family["id"]), "name": f"{family['name']} {rename('')[1:]}"}, rename)
    family["roles"] = [
        _renamed_before(
            {
                **role,
                "id": rename(role["id"]),
                "next": [rename(target) for target in role.get("next", [])],
                "lateral": [rename(target) for target in role.get("lateral", [])],
            },
            rename,
        )
        for role in family["roles"]
    ]
    return family


def _question_bank(bank: dict[str, Any], rename: Callable[[str], str]) -> dict[str, Any]:
    # Only the original bank feeds every role page; copies feed the roles they name.
    bank = {**bank, "id": rename(bank["id"]), "role_pages": False}
    questions = []
    for question in bank["questions"]:
        question = {**question, "id": rename(question["id"])}
        for key in ("families", "roles"):
            if key in question:
                question[key] = [rename(ident) for ident in question[key]]
        questions.append(question)
    bank["questions"] = questions
    return bank


def _worksheet(sheet: dict[str, Any], rename: Callable[[str], str]) -> dict[str, Any]:
    sheet = _renamed_before({**sheet, "id": rename(sheet["id"])}, rename)
    sections = []
    for section in sheet["sections"]:
        section = dict(section)
        if "questions" in section:
            section["questions"] = [rename(ident) for ident in section["questions"]]
        if "bank" in section:
            section["bank"] = rename(section["bank"])
        sections.append(section)
    sheet["sections"] = sections
    return sheet


FOLDERS: dict[str, tuple[str, Callable[[dict[str, Any], Callable[[str], str]], dict[str, Any]]]] = {
    "career_paths": ("career-path", _career_path),
    "questions": ("question-bank", _question_bank),
    "worksheets": ("worksheet", _worksheet),
}


def scale_data(data_dir: Path, factor: int) -> None:
    """Add factor - 1 renamed copies of every family, bank, template and worksheet in `data_dir`."""
    for folder, (schema, transform) in FOLDERS.items():
        originals = sorted((data_dir / folder).glob("*.yml"))
        for path in originals:
            content = yaml.safe_load(path.read_text(encoding="utf-8"))
            for copy in range(1, factor):
                scaled = transform(content, _renamer(copy))
                target = data_dir / folder / f"{scaled['id']}.yml"
                target.write_text(
                    SCHEMA_LINE.format(schema) + yaml.safe_dump(scaled, sort_keys=False, allow_unicode=True, width=100),
                    encoding="utf-8",
                )


def scaled_project(destination: Path, factor: int) -> Path:
    """A copy of the project whose data is `factor` times the default data."""
    project = copy_project(destination)
    scale_data(project / "data", factor)
    return project
