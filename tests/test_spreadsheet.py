"""The spreadsheet round trip: `make export` writes a workbook, `make import` takes HR's edits back into data/."""

from __future__ import annotations

import contextlib
import datetime
import difflib
import io
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import PROJECT, copy_project
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from macros.commands.spreadsheet import export, importing, layout
from macros.loading import load_guide

pytestmark = pytest.mark.build


def _run(project: Path, module: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", f"macros.commands.spreadsheet.{module}", *arguments],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
    )


def _files(project: Path) -> dict[str, bytes]:
    return {path.relative_to(project).as_posix(): path.read_bytes() for path in sorted((project / "data").rglob("*")) if path.is_file()}


def _export(project: Path) -> None:
    export.workbook(load_guide(project / "data")).save(project / "career-guide.xlsx")


@pytest.fixture
def data_project(tmp_path: Path) -> Path:
    """A copy of the project with the test data, not exported yet (to change the data first)."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def project(data_project: Path) -> Path:
    """A project with the test data and its exported workbook, career-guide.xlsx."""
    _export(data_project)
    return data_project


def test_make_export_writes_the_workbook(data_project: Path) -> None:
    result = _run(data_project, "export")
    assert result.returncode == 0, result.stderr
    assert "Wrote career-guide.xlsx: 4 family sheets, 20 roles" in result.stdout
    assert load_workbook(data_project / "career-guide.xlsx")["About"][layout.FORMAT_CELL].value == layout.FORMAT


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
    assert book.sheetnames == [layout.ABOUT, layout.ROLES, *families, layout.COMPETENCIES, layout.QUESTIONS, layout.OPPORTUNITIES]
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
    assert {cell.value for cell in book[layout.ROLES]["A"][1:]} - {None} == set(guide.roles)


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
    "a changed role id": (
        lambda book: book["Engineering"].cell(row=1, column=3, value="nobody"),
        "Engineering!C1: 'associate-engineer' was changed to 'nobody': a role's id is changed with `make rename KIND=role",
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


# Finding cells as HR would: by the ids the sheets show.


def _row(sheet: Worksheet, ident: str, column: int = 1) -> int:
    return next(cell.row for cell in sheet[get_column_letter(column)] if cell.value == ident)


def _column(sheet: Worksheet, heading: str) -> int:
    return next(cell.column for cell in sheet[1] if cell.value == heading)


def _cell(sheet: Worksheet, ident: str, heading: str) -> Any:
    """On a list sheet, the cell of record `ident` under `heading`; on a family's sheet, competency `ident` for role `heading`."""
    family = sheet.title not in (layout.ROLES, layout.COMPETENCIES, layout.QUESTIONS)
    return sheet.cell(row=_row(sheet, ident, column=2 if family else 1), column=_column(sheet, heading))


def _first_empty_row(sheet: Worksheet) -> int:
    return (
        max(cell.row for cell in sheet["A" if sheet.title in (layout.ROLES, layout.COMPETENCIES, layout.QUESTIONS) else "B"] if cell.value)
        + 1
    )


def _first_empty_column(sheet: Worksheet) -> int:
    return max(cell.column for cell in sheet[1] if cell.value) + 1


def _fill(sheet: Worksheet, row: int, values: dict[str, object]) -> None:
    for heading, value in values.items():
        sheet.cell(row=row, column=_column(sheet, heading), value=value)


def _import(project: Path, workbook: Path, *, apply: bool = True) -> subprocess.CompletedProcess[str]:
    """`make import` run in this process (the command line itself is tested above): much quicker on a busy machine."""
    arguments = [workbook.name, *(["--apply"] if apply else [])]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(project), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = importing.main(arguments)
    return subprocess.CompletedProcess(arguments, code, out.getvalue(), err.getvalue())


def _changed_lines(before: dict[str, bytes], after: dict[str, bytes]) -> dict[str, list[tuple[str, str]]]:
    """Per changed file, the lines that differ (old, new), for files whose line count did not change."""
    changed = {}
    for path in before:
        if before[path] != after[path]:
            old, new = before[path].decode().splitlines(), after[path].decode().splitlines()
            changed[path] = [(a, b) for a, b in zip(old, new, strict=False) if a != b] if len(old) == len(new) else [("", "")]
    return changed


# Every kind of editable cell is taken back.


def _set(sheet: str, ident: str, heading: str, value: object) -> Callable[[Workbook], None]:
    def change(book: Workbook) -> None:
        _cell(book[sheet], ident, heading).value = value

    return change


def _without_summary(data: Path) -> None:
    path = data / "career_paths" / "engineering.yml"
    text = path.read_text(encoding="utf-8")
    line = "    summary: Leads the technical side of a team's projects and raises the quality of the work around them.\n"
    assert line in text
    path.write_text(text.replace(line, ""), encoding="utf-8")


def _folded_summary(data: Path) -> None:
    path = data / "career_paths" / "engineering.yml"
    text = path.read_text(encoding="utf-8")
    line = "    summary: Leads the technical side of a team's projects and raises the quality of the work around them.\n"
    path.write_text(
        text.replace(
            line, "    summary: >\n      Leads the technical side of a team's projects\n      and raises the quality of the work.\n"
        ),
        encoding="utf-8",
    )


def _with_tracks(data: Path) -> None:
    """Design gets two tracks: its lead manages people, the others contribute."""
    path = data / "career_paths" / "design.yml"
    text = path.read_text(encoding="utf-8").replace(
        "roles:\n", "tracks:\n  - id: individual\n    name: Individual contributor\n  - id: manager\n    name: People manager\nroles:\n"
    )
    for role in ("product-designer", "ux-researcher", "senior-product-designer", "design-lead"):
        track = "manager" if role == "design-lead" else "individual"
        text = text.replace(f"  - id: {role}\n", f"  - id: {role}\n    track: {track}\n")
    path.write_text(text, encoding="utf-8")


EDITABLE: dict[str, tuple[Callable[[Path], None] | None, Callable[[Workbook], None], Callable[[Any], object], object]] = {
    "a role's title on Roles": (
        None,
        _set("Roles", "senior-engineer", "Title", "Senior Engineer II"),
        lambda guide: guide.roles["senior-engineer"].title,
        "Senior Engineer II",
    ),
    "a role's title in its family's title row": (
        None,
        lambda book: book["Engineering"].cell(row=2, column=_column(book["Engineering"], "senior-engineer"), value="Senior Engineer II"),
        lambda guide: guide.roles["senior-engineer"].title,
        "Senior Engineer II",
    ),
    "a summary added to a role that had none": (
        _without_summary,
        _set("Roles", "senior-engineer", "Summary", "Leads the technical side of the team's work."),
        lambda guide: guide.roles["senior-engineer"].summary,
        "Leads the technical side of the team's work.",
    ),
    "a summary written over several lines": (
        _folded_summary,
        _set("Roles", "senior-engineer", "Summary", "Leads the team's technical work."),
        lambda guide: guide.roles["senior-engineer"].summary,
        "Leads the team's technical work.",
    ),
    "a summary emptied": (
        None,
        _set("Roles", "senior-engineer", "Summary", None),
        lambda guide: guide.roles["senior-engineer"].summary,
        None,
    ),
    "a level": (None, _set("Roles", "principal-engineer", "Level", 6), lambda guide: guide.roles["principal-engineer"].level, 6),
    "a track": (
        _with_tracks,
        _set("Roles", "senior-product-designer", "Track", "People manager"),
        lambda guide: guide.roles["senior-product-designer"].track_id,
        "manager",
    ),
    "the next moves": (
        None,
        _set("Roles", "senior-engineer", "Next", "staff-engineer"),
        lambda guide: guide.roles["senior-engineer"].next,
        ("staff-engineer",),
    ),
    "a competency a role starts to expect": (
        None,
        _set("Engineering", "customer-focus", "associate-engineer", "Level 1"),
        lambda guide: guide.roles["associate-engineer"].skills.get("customer-focus"),
        1,
    ),
    "a competency a role no longer expects": (
        None,
        _set("Engineering", "mentoring", "senior-engineer", None),
        lambda guide: guide.roles["senior-engineer"].skills.get("mentoring"),
        None,
    ),
    "a competency's name": (
        None,
        _set("Competencies", "technical-craft", "Name", "Engineering craft"),
        lambda guide: guide.competencies["technical-craft"].name,
        "Engineering craft",
    ),
    "a step's descriptor on Competencies": (
        None,
        _set("Competencies", "technical-craft", "Step 2", "Level 2: Ships features on their own, with tests."),
        lambda guide: guide.competencies["technical-craft"].levels[1].descriptor,
        "Ships features on their own, with tests.",
    ),
    "a question's text": (
        None,
        _set("Questions", "mgr-path-you-see", "Text", "Where could my strengths help most?"),
        lambda guide: guide.questions["mgr-path-you-see"].text,
        "Where could my strengths help most?",
    ),
    "a question's topic": (
        None,
        _set("Questions", "mgr-path-you-see", "Topic", "Where I am going"),
        lambda guide: guide.questions["mgr-path-you-see"].topic,
        "Where I am going",
    ),
    "the roles a question is for": (
        None,
        _set("Questions", "mgr-path-you-see", "Roles", "senior-engineer, staff-engineer"),
        lambda guide: guide.questions["mgr-path-you-see"].roles,
        ("senior-engineer", "staff-engineer"),
    ),
}


@pytest.mark.parametrize("kind", list(EDITABLE))
def test_every_kind_of_editable_cell_is_written_back(data_project: Path, kind: str) -> None:
    prepare, change, read, expected = EDITABLE[kind]
    if prepare is not None:
        prepare(data_project / "data")
    _export(data_project)
    workbook = _edited(data_project, change)
    before = _files(data_project)

    listed = _import(data_project, workbook, apply=False)
    assert listed.returncode == 0, listed.stderr
    assert "1 change in" in listed.stdout and "changes nothing" not in listed.stdout
    assert _files(data_project) == before

    applied = _import(data_project, workbook)
    assert applied.returncode == 0, applied.stderr
    assert read(load_guide(data_project / "data")) == expected
    after = _files(data_project)
    (changed,) = [path for path in before if before[path] != after[path]]
    first_line = after[changed].decode().splitlines()[0]
    assert first_line == before[changed].decode().splitlines()[0], "the $schema line and comments stay"
    # A workbook exported from the changed data changes nothing more.
    _export(data_project)
    assert "changes nothing in data/" in _import(data_project, data_project / "career-guide.xlsx").stdout


def test_only_the_changed_value_s_lines_change(data_project: Path) -> None:
    _export(data_project)
    workbook = _edited(
        data_project,
        lambda book: (
            _set("Roles", "senior-engineer", "Title", "Senior Engineer II")(book),
            _set("Competencies", "technical-craft", "Step 2", "Level 2: Ships features on their own, with tests.")(book),
        ),
    )
    before = _files(data_project)
    assert _import(data_project, workbook).returncode == 0
    assert _changed_lines(before, _files(data_project)) == {
        "data/career_paths/engineering.yml": [("    title: Senior Software Engineer", "    title: Senior Engineer II")],
        "data/competencies.yml": [
            (
                "      - Delivers features on their own, writes tests as a habit and leaves code clearer than they found it.",
                "      - Ships features on their own, with tests.",
            )
        ],
    }


# Cells HR cannot edit are locked, and refused at their cell with where to make the change instead.


def test_only_the_cells_the_import_takes_back_are_unlocked(project: Path) -> None:
    book = load_workbook(project / "career-guide.xlsx")
    for sheet in book.worksheets:
        assert sheet.protection.sheet, f"{sheet.title} is protected"
        assert sheet.protection.password is None, "no password: HR may unprotect a sheet, the import checks every cell anyway"
    roles = book["Roles"]
    row = _row(roles, "senior-engineer")
    locked = {heading: roles.cell(row=row, column=_column(roles, heading)).protection.locked for heading in layout.ROLE_COLUMNS}
    # Engineering has no tracks: there is no track to choose.
    assert locked == {heading: heading not in layout.EDITABLE[layout.ROLES] or heading == "Track" for heading in layout.ROLE_COLUMNS}
    assert not roles.cell(row=_first_empty_row(roles), column=1).protection.locked, "new rows can be typed"
    engineering = book["Engineering"]
    assert engineering["C1"].protection.locked and engineering["B3"].protection.locked and engineering["A3"].protection.locked
    assert not engineering["C2"].protection.locked and not engineering["C3"].protection.locked
    spare = _first_empty_column(engineering)
    assert not engineering.cell(row=1, column=spare).protection.locked, "a new role's column can be typed"
    competencies = book["Competencies"]
    assert competencies["A2"].protection.locked and competencies["D2"].protection.locked
    assert not competencies.cell(row=2, column=_column(competencies, "Step 1")).protection.locked
    questions = book["Questions"]
    assert questions["A2"].protection.locked and questions["B2"].protection.locked and not questions["D2"].protection.locked


def _delete_row(sheet: str, ident: str) -> Callable[[Workbook], None]:
    def change(book: Workbook) -> None:
        book[sheet].delete_rows(_row(book[sheet], ident, column=2 if sheet == "Engineering" else 1))

    return change


LOCKED: dict[str, tuple[Callable[[Workbook], None], str]] = {
    "a role's id": (
        _set("Roles", "senior-engineer", "ID", "senior-engineer-2"),
        "'senior-engineer' was changed to 'senior-engineer-2': a role's id is changed with "
        "`make rename KIND=role OLD=senior-engineer NEW=senior-engineer-2`",
    ),
    "a role's family": (
        _set("Roles", "senior-engineer", "Family", "Product Management"),
        "a role moves to another family in the YAML: `make move ID=senior-engineer FAMILY=<family id>`",
    ),
    "a deleted role": (
        _delete_row("Roles", "senior-engineer"),
        "the row of 'senior-engineer' was deleted: a role is removed with `make delete ID=senior-engineer`",
    ),
    "a track in a family without tracks": (_set("Roles", "senior-engineer", "Track", "Manager"), "Engineering has no tracks"),
    "a competency's id": (
        _set("Competencies", "technical-craft", "ID", "craft"),
        "'technical-craft' was changed to 'craft': a competency's id is changed with `make rename KIND=competency",
    ),
    "a competency's scale": (
        _set("Competencies", "technical-craft", "Scale", "Other"),
        "a competency's scale is changed in data/competencies.yml:5",
    ),
    "a descriptor without its step's name": (
        _set("Competencies", "technical-craft", "Step 1", "Does small tasks."),
        "start the cell with the step's name, 'Level 1:'",
    ),
    "a question's bank": (
        _set("Questions", "mgr-path-you-see", "Bank", "follow-up"),
        "a question moves to another bank by moving its lines from data/questions/manager.yml:12",
    ),
    "a deleted question": (
        _delete_row("Questions", "mgr-path-you-see"),
        "the row of 'mgr-path-you-see' was deleted: a question is removed from data/questions/manager.yml:12",
    ),
    "a competency's name on a family's sheet": (
        lambda book: book["Engineering"].cell(row=_row(book["Engineering"], "technical-craft", 2), column=1, value="Craft"),
        "a competency's name is changed on the Competencies sheet",
    ),
    "a family sheet's heading": (
        lambda book: book["Engineering"].cell(row=1, column=1, value="Skill"),
        "this heading is part of the workbook's layout",
    ),
    "a deleted role column": (
        lambda book: book["Engineering"].delete_cols(3),
        "the column of Associate Software Engineer was deleted: a role is removed with `make delete ID=associate-engineer`",
    ),
    "a deleted competency row": (
        _delete_row("Engineering", "technical-craft"),
        "the row of Technical craft was deleted: to stop the roles of Engineering expecting it, empty its cells",
    ),
    "the About sheet": (
        lambda book: book["About"].cell(row=2, column=2, value="Other Company"),
        "About!B2: this sheet explains the workbook",
    ),
}


@pytest.mark.parametrize("kind", list(LOCKED))
def test_a_locked_cell_changed_anyway_is_refused_at_its_cell(project: Path, kind: str) -> None:
    change, expected = LOCKED[kind]
    workbook = _edited(project, lambda book: (_unprotect(book), change(book)))
    before = _files(project)
    result = _import(project, workbook)
    assert result.returncode == 1
    assert expected in result.stderr, result.stderr
    assert re.search(r"^\w[\w ]*!\$?[A-Z]+\d+: ", result.stderr.splitlines()[1]), "the problem is named by its cell"
    assert "nothing was written" in result.stderr and "Traceback" not in result.stderr
    assert _files(project) == before


def _unprotect(book: Workbook) -> None:
    """As HR would do to type in a locked cell."""
    for sheet in book.worksheets:
        sheet.protection.sheet = False


def test_a_scale_s_own_description_is_locked_and_refused_where_it_is_shared(data_project: Path) -> None:
    path = data_project / "data" / "competencies.yml"
    text = path.read_text(encoding="utf-8")
    steps = "".join(f"      - name: Level {n}\n        description: The general meaning of level {n}.\n" for n in range(1, 6))
    text = text.replace("competencies:\n", f"scales:\n  - id: levels\n    name: Levels\n    steps:\n{steps}competencies:\n", 1)
    start = text.index("  - id: customer-focus")
    levels = text.index("    levels:\n", start)
    end = text.index("\n\n", levels)
    path.write_text(text[:levels] + text[end + 1 :], encoding="utf-8")
    _export(data_project)
    book = load_workbook(data_project / "career-guide.xlsx")
    cell = _cell(book["Competencies"], "customer-focus", "Step 2")
    assert cell.value == "Level 2: The general meaning of level 2." and cell.protection.locked
    workbook = _edited(
        data_project, lambda book: (_unprotect(book), _set("Competencies", "customer-focus", "Step 2", "Level 2: Listens.")(book))
    )
    result = _import(data_project, workbook)
    assert result.returncode == 1
    assert f"Competencies!{cell.coordinate}: Customer focus has no descriptors of its own" in result.stderr
    assert "change it in data/competencies.yml:11" in result.stderr, result.stderr


# New rows add records.


def _new_role(book: Workbook) -> None:
    roles = book["Roles"]
    _fill(
        roles,
        _first_empty_row(roles),
        {"ID": "platform-engineer", "Title": "Platform Engineer", "Family": "Engineering", "Level": 3, "Next": "staff-engineer"},
    )
    engineering = book["Engineering"]
    column = _first_empty_column(engineering)
    engineering.cell(row=1, column=column, value="platform-engineer")
    engineering.cell(row=_row(engineering, "technical-craft", 2), column=column, value="Level 3")
    engineering.cell(row=_row(engineering, "ownership", 2), column=column, value="Level 2")


def _new_competency(book: Workbook) -> None:
    competencies = book["Competencies"]
    _fill(
        competencies,
        _first_empty_row(competencies),
        {
            "ID": "negotiation",
            "Name": "Negotiation",
            "Description": "Reaching agreements that last.",
            **{f"Step {n}": f"Level {n}: Negotiates at level {n}." for n in range(1, 5)},
            "Step 5": "- Sets how the company negotiates.\n- Teaches others to negotiate.",
        },
    )
    engineering = book["Engineering"]
    row = _first_empty_row(engineering)
    engineering.cell(row=row, column=2, value="negotiation")
    engineering.cell(row=row, column=_column(engineering, "senior-engineer"), value="Level 3")


def _new_question(book: Workbook) -> None:
    questions = book["Questions"]
    _fill(
        questions,
        _first_empty_row(questions),
        {"ID": "mgr-first-step", "Bank": "manager", "Text": "What would be a good first step this quarter?", "Roles": "senior-engineer"},
    )


def test_new_rows_add_a_role_a_competency_and_a_question(project: Path) -> None:
    workbook = _edited(project, lambda book: (_new_competency(book), _new_role(book), _new_question(book)))
    before = _files(project)
    listed = _import(project, workbook, apply=False)
    assert listed.returncode == 0, listed.stderr
    assert "new role Platform Engineer (Engineering, Level 3), expecting 2 competencies" in listed.stdout
    assert "new competency Negotiation" in listed.stdout and "new question in Questions for your manager" in listed.stdout
    applied = _import(project, workbook)
    assert applied.returncode == 0, applied.stderr
    after = _files(project)
    for path in ("data/career_paths/engineering.yml", "data/competencies.yml", "data/questions/manager.yml"):
        old, new = before[path].decode().splitlines(), after[path].decode().splitlines()
        assert not [line for line in difflib.ndiff(old, new) if line.startswith("- ")], f"{path}: every line HR wrote stays"
    for path, first in (
        ("data/career_paths/engineering.yml", "  - id: platform-engineer"),
        ("data/competencies.yml", "  - id: negotiation"),
    ):
        assert after[path].decode().split("\n\n")[-1].startswith(first), "a new record goes at the end of its list"
    guide = load_guide(project / "data")
    role = guide.roles["platform-engineer"]
    assert (role.title, role.level, role.family_id, role.next) == ("Platform Engineer", 3, "engineering", ("staff-engineer",))
    assert dict(role.skills) == {"technical-craft": 3, "ownership": 2}
    negotiation = guide.competencies["negotiation"]
    assert [level.descriptor for level in negotiation.levels][:2] == ["Negotiates at level 1.", "Negotiates at level 2."]
    assert negotiation.levels[4].descriptor == "- Sets how the company negotiates.\n- Teaches others to negotiate."
    assert guide.roles["senior-engineer"].skills["negotiation"] == 3
    assert guide.questions["mgr-first-step"].roles == ("senior-engineer",)
    assert list(guide.banks["manager"].questions)[-1].id == "mgr-first-step"


NEW_ROW_MISTAKES: dict[str, tuple[Callable[[Workbook], None], str]] = {
    "a new role without its column": (
        lambda book: _fill(
            book["Roles"],
            _first_empty_row(book["Roles"]),
            {"ID": "platform-engineer", "Title": "Platform Engineer", "Family": "Engineering", "Level": 3},
        ),
        "say what the new role 'platform-engineer' expects: on the Engineering sheet, put its id in row 1",
    ),
    "a column for a role that does not exist": (
        lambda book: book["Engineering"].cell(row=1, column=_first_empty_column(book["Engineering"]), value="nobody"),
        "'nobody' is not a role: add it on the Roles sheet",
    ),
    "a new role with an id that is not one": (
        lambda book: (
            _new_role(book),
            _cell(book["Roles"], "platform-engineer", "ID").__setattr__("value", "Platform Engineer"),
            book["Engineering"].cell(row=1, column=_column(book["Engineering"], "platform-engineer"), value="Platform Engineer"),
        ),
        "is not a valid id",
    ),
    "a new role in a family that does not exist": (
        lambda book: (_new_role(book), _set("Roles", "platform-engineer", "Family", "Platform")(book)),
        "'Platform' is not a job family",
    ),
    "a new competency with a step left out": (
        lambda book: (_new_competency(book), _set("Competencies", "negotiation", "Step 3", None)(book)),
        "write what 'negotiation' looks like at Level 3 too",
    ),
    "a family row for a competency that does not exist": (
        lambda book: book["Engineering"].cell(row=_first_empty_row(book["Engineering"]), column=2, value="negotiation"),
        "'negotiation' is not the id of a competency",
    ),
    "a new question in a bank that does not exist": (
        lambda book: (_new_question(book), _set("Questions", "mgr-first-step", "Bank", "elsewhere")(book)),
        "'elsewhere' is not a question bank",
    ),
    "a new question with an id already used": (
        lambda book: _fill(
            book["Questions"], _first_empty_row(book["Questions"]), {"ID": "mgr-path-you-see", "Bank": "manager", "Text": "Again?"}
        ),
        "a second row for 'mgr-path-you-see'",
    ),
}


@pytest.mark.parametrize("mistake", list(NEW_ROW_MISTAKES))
def test_a_new_row_with_a_mistake_is_refused_at_its_cell(project: Path, mistake: str) -> None:
    change, expected = NEW_ROW_MISTAKES[mistake]
    workbook = _edited(project, change)
    before = _files(project)
    result = _import(project, workbook)
    assert result.returncode == 1
    assert expected in result.stderr, result.stderr
    assert re.search(r"^\w[\w ]*!\$?[A-Z]+\d+: ", result.stderr.splitlines()[1]), result.stderr
    assert "Traceback" not in result.stderr
    assert _files(project) == before


# A workbook exported before later edits to data/ never reverts them.


def _retitle_in_yaml(project: Path, old: str, new: str) -> None:
    path = project / "data" / "career_paths" / "engineering.yml"
    text = path.read_text(encoding="utf-8")
    assert f"    title: {old}\n" in text
    path.write_text(text.replace(f"    title: {old}\n", f"    title: {new}\n"), encoding="utf-8")


def test_the_workbook_records_the_data_it_was_exported_from(project: Path) -> None:
    about = load_workbook(project / "career-guide.xlsx")["About"]
    assert about[layout.VERSION_CELL].value
    heading = layout.EXPORTED_HEADING_ROW
    assert [cell.value for cell in about[heading]][: len(layout.EXPORTED_COLUMNS)] == list(layout.EXPORTED_COLUMNS)
    assert about.row_dimensions[heading + 1].hidden
    recorded = {(row[0], row[1], row[2]) for row in about.iter_rows(min_row=heading + 1, max_col=3, values_only=True)}
    assert ("Roles", "senior-engineer", "Title") in recorded and ("Engineering", "technical-craft", "senior-engineer") in recorded


def test_a_cell_hr_did_not_change_keeps_the_newer_data(project: Path) -> None:
    workbook = _edited(project, _set("Roles", "senior-engineer", "Title", "Senior Engineer II"))
    _retitle_in_yaml(project, "Software Engineer", "Software Engineer (renamed in the file)")
    result = _import(project, workbook)
    assert result.returncode == 0, result.stderr
    guide = load_guide(project / "data")
    assert guide.roles["software-engineer"].title == "Software Engineer (renamed in the file)"
    assert guide.roles["senior-engineer"].title == "Senior Engineer II"
    assert "kept the newer value in data/career_paths/engineering.yml:32" in result.stdout, result.stdout


def test_a_cell_changed_in_the_workbook_and_in_the_data_is_a_conflict(project: Path) -> None:
    workbook = _edited(
        project,
        lambda book: (
            _set("Roles", "senior-engineer", "Title", "Senior Engineer II")(book),
            _set("Roles", "staff-engineer", "Title", "Staff Software Engineer")(book),
        ),
    )
    _retitle_in_yaml(project, "Senior Software Engineer", "Senior Engineer III")
    before = _files(project)
    result = _import(project, workbook)
    assert result.returncode == 1
    row = _row(load_workbook(workbook)["Roles"], "senior-engineer")
    assert (
        f"Roles!B{row}: changed here (to 'Senior Engineer II') and in data/career_paths/engineering.yml:57 since this workbook "
        "was exported (to 'Senior Engineer III')"
    ) in result.stderr, result.stderr
    assert "nothing was written" in result.stderr
    assert _files(project) == before


def test_the_same_change_in_the_workbook_and_the_data_is_no_conflict(project: Path) -> None:
    workbook = _edited(project, _set("Roles", "senior-engineer", "Title", "Senior Engineer II"))
    _retitle_in_yaml(project, "Senior Software Engineer", "Senior Engineer II")
    result = _import(project, workbook)
    assert result.returncode == 0 and "changes nothing in data/" in result.stdout, result.stderr
