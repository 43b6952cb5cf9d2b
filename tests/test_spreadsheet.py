"""The spreadsheet round trip: `make export` writes a workbook, `make import` takes HR's edits back into data/."""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import PROJECT, SAMPLE_DATA
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from macros.loading import load_guide
from macros.spreadsheet import layout

pytestmark = pytest.mark.build


def _run(project: Path, module: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", f"macros.spreadsheet.{module}", *arguments],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
    )


def _files(project: Path) -> dict[str, bytes]:
    return {path.relative_to(project).as_posix(): path.read_bytes() for path in sorted((project / "data").rglob("*")) if path.is_file()}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with the test data and its exported workbook, career-guide.xlsx."""
    shutil.copytree(SAMPLE_DATA, tmp_path / "data")
    shutil.copytree(PROJECT / "data" / "schema", tmp_path / "data" / "schema", dirs_exist_ok=True)
    result = _run(tmp_path, "export")
    assert result.returncode == 0, result.stderr
    return tmp_path


def _edited(project: Path, change: Callable[[Workbook], None]) -> Path:
    book = load_workbook(project / "career-guide.xlsx")
    change(book)
    path = project / "edited.xlsx"
    book.save(path)
    return path


def test_the_workbook_has_a_sheet_per_family_and_the_lists_with_frozen_headers(project: Path) -> None:
    guide = load_guide(project / "data")
    book = load_workbook(project / "career-guide.xlsx")
    families = [layout.family_sheet(family.name) for family in guide.families]
    assert book.sheetnames == [layout.ABOUT, layout.ROLES, *families, layout.COMPETENCIES, layout.QUESTIONS]
    assert book[layout.ROLES].freeze_panes == "B2"
    engineering = book[layout.family_sheet("Engineering")]
    assert engineering.freeze_panes == "C3"
    role = guide.roles["senior-engineer"]
    column = [cell.value for cell in engineering[1]].index(role.id) + 1
    row = [cell.value for cell in engineering["B"]].index("technical-craft") + 1
    craft = guide.competencies["technical-craft"]
    assert engineering.cell(row=row, column=column).value == craft.step(role.skills["technical-craft"]).name
    # What HR types back is offered from a list of the competency's steps.
    (choices,) = [
        v for v in engineering.data_validations.dataValidation if f"{engineering.cell(row=row, column=column).coordinate}" in str(v.sqref)
    ]
    assert choices.formula1 == '"' + ",".join(step.name for step in craft.scale.steps) + '"'
    assert {cell.value for cell in book[layout.ROLES]["A"][1:]} == set(guide.roles)


def test_export_then_import_without_edits_changes_no_byte(project: Path) -> None:
    before = _files(project)
    result = _run(project, "importing", "career-guide.xlsx", "--apply")
    assert result.returncode == 0, result.stderr
    assert "changes nothing in data/" in result.stdout
    assert _files(project) == before


def test_an_edited_level_changes_exactly_one_line_and_keeps_comments(project: Path) -> None:
    guide = load_guide(project / "data")
    role = guide.roles["senior-engineer"]
    craft = guide.competencies["technical-craft"]
    new_step = craft.step(role.skills["technical-craft"] + 1).name

    def raise_craft(book: Workbook) -> None:
        sheet = book[layout.family_sheet("Engineering")]
        column = [cell.value for cell in sheet[1]].index(role.id) + 1
        row = [cell.value for cell in sheet["B"]].index("technical-craft") + 1
        sheet.cell(row=row, column=column).value = new_step

    workbook = _edited(project, raise_craft)
    before = _files(project)
    listed = _run(project, "importing", workbook.name)
    assert listed.returncode == 0, listed.stderr
    assert f"{role.title}, Technical craft:" in listed.stdout and "APPLY=1" in listed.stdout
    assert _files(project) == before, "nothing is written without APPLY"

    applied = _run(project, "importing", workbook.name, "--apply")
    assert applied.returncode == 0, applied.stderr
    after = _files(project)
    changed = [path for path in before if before[path] != after[path]]
    assert changed == ["data/career_paths/engineering.yml"]
    old_lines, new_lines = before[changed[0]].decode().splitlines(), after[changed[0]].decode().splitlines()
    assert len(old_lines) == len(new_lines)
    assert [(old, new) for old, new in zip(old_lines, new_lines, strict=True) if old != new] == [
        ("      technical-craft: 3", f"      technical-craft: {role.skills['technical-craft'] + 1}")
    ], "the number form the file uses is kept"
    assert new_lines[0].startswith("# yaml-language-server: $schema=") and any(line.lstrip().startswith("#") for line in new_lines[1:])
    assert load_guide(project / "data").roles[role.id].skills["technical-craft"] == role.skills["technical-craft"] + 1


def _empty(cell: Any) -> None:
    cell.value = None  # sheet.cell(..., value=None) would leave the value as it is


MISTAKES: dict[str, tuple[Callable[[Workbook], None], str]] = {
    "unknown role id": (
        lambda book: book["Engineering"].cell(row=1, column=3, value="nobody"),
        "Engineering!C1: 'nobody' is not a role of this family",
    ),
    "a step that does not exist": (
        lambda book: book["Engineering"].cell(row=3, column=3, value="Guru"),
        "Engineering!C3: 'Guru' is not a step of",
    ),
    "a duplicated column": (
        lambda book: book["Roles"].cell(row=1, column=9, value="Title"),
        "Roles!I1: a second 'Title' column (the first is B1): delete one of them",
    ),
    "an empty required cell": (lambda book: _empty(book["Roles"]["B2"]), "Roles!B2: the title of"),
    "a merged cell": (lambda book: book["Roles"].merge_cells("B3:C3"), "Roles!B3:C3: cells are merged"),
    "text where a level is expected": (
        lambda book: book["Roles"].cell(row=2, column=4, value="senior"),
        "Roles!D2: 'senior' is not a level",
    ),
    "a deleted sheet": (lambda book: book.remove(book["Questions"]), "Questions!A1: the sheet is missing"),
    "an extra sheet": (lambda book: book.create_sheet("Notes"), "Notes!A1: this sheet is not part of the guide's workbook"),
    "a formula": (lambda book: book["Roles"].cell(row=2, column=2, value="=B3"), "Roles!B2: a formula (=B3) is not a value"),
    "a date-formatted cell": (
        lambda book: book["Engineering"].cell(row=3, column=3, value=datetime.datetime(2026, 1, 3)),
        "Engineering!C3: the cell holds a date",
    ),
    "an older export": (
        lambda book: book["About"].cell(row=1, column=2, value="career-guide-workbook/0"),
        "About!B1: this workbook was not made by",
    ),
    "an unknown column": (lambda book: book["Questions"].cell(row=1, column=8, value="Notes"), "Questions!H1: unknown column 'Notes'"),
}


@pytest.mark.parametrize("mistake", list(MISTAKES))
def test_a_spreadsheet_mistake_names_its_cell_and_writes_nothing(project: Path, mistake: str) -> None:
    change, expected = MISTAKES[mistake]
    # A valid edit alongside the mistake is not written either.
    workbook = _edited(project, lambda book: (book["Questions"].cell(row=2, column=4, value="A better question?"), change(book)))
    before = _files(project)
    result = _run(project, "importing", workbook.name, "--apply")
    assert result.returncode == 1
    assert expected in result.stderr, result.stderr
    assert "nothing was written" in result.stderr and "Traceback" not in result.stderr
    assert _files(project) == before


def test_every_mistake_of_a_workbook_is_reported_at_once(project: Path) -> None:
    def two_mistakes(book: Workbook) -> None:
        book["Engineering"].cell(row=3, column=3, value="Guru")
        book["Roles"].cell(row=2, column=4, value="senior")

    result = _run(project, "importing", _edited(project, two_mistakes).name)
    assert "2 problems" in result.stderr and "Engineering!C3" in result.stderr and "Roles!D2" in result.stderr


def test_a_file_that_is_not_a_workbook_gets_a_plain_message(project: Path) -> None:
    (project / "notes.xlsx").write_text("not a workbook", encoding="utf-8")
    result = _run(project, "importing", "notes.xlsx")
    assert result.returncode == 1 and "notes.xlsx: cannot be read as a workbook (.xlsx)" in result.stderr
    assert "Traceback" not in result.stderr
