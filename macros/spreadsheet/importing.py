"""`make import FILE=...xlsx [APPLY=1]`: the edits made in the guide's workbook, back into data/.

The workbook is read as `make export` wrote it; every mistake is reported
against its cell (`Engineering!D7: ...`), all at once. What changed (a role's
title, level or summary, the step a role expects, a question's text) is
listed in words; with APPLY=1 it is written, each value by rewriting its one
line of YAML (see edits), after the data with the changes has passed the
same checks as `make check`. Nothing is written when anything is wrong.
"""

from __future__ import annotations

import datetime
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ..data_writes import problems_after, write_all
from ..errors import DataError
from ..loading import load_guide
from ..loading.problems import line_of
from ..loading.yaml_reader import load_yaml_file
from ..model import Guide, Role
from . import layout
from .edits import LineEdit, NotOnOneLine, rewrite_line

AnyCell = Cell | MergedCell
"""A cell as openpyxl reads it (a merged cell is reported, and otherwise empty)."""


class Problems:
    """Mistakes in the workbook, each at its cell."""

    def __init__(self) -> None:
        self.found: list[str] = []

    def add(self, sheet: str, cell: str, message: str) -> None:
        self.found.append(f"{sheet}!{cell}: {message}")


def _where(cell: AnyCell) -> str:
    return f"{get_column_letter(cell.column or 1)}{cell.row}"


def _value(sheet: Worksheet, cell: AnyCell, problems: Problems) -> Any:
    """The value typed in `cell`; a formula or a date is a mistake (the guide's data holds neither)."""
    value = cell.value
    if cell.data_type == "f" or (isinstance(value, str) and value.startswith("=")):
        problems.add(sheet.title, _where(cell), f"a formula ({value}) is not a value: type the value itself")
        return None
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        problems.add(sheet.title, _where(cell), "the cell holds a date: format the cell as text and type the value again")
        return None
    return value.strip() if isinstance(value, str) else value


def _headers(sheet: Worksheet, expected: tuple[str, ...], problems: Problems) -> dict[str, int]:
    """Column number of each expected header in row 1; every unknown, repeated or missing header is a problem."""
    columns: dict[str, int] = {}
    for cell in sheet[1]:
        if cell.value is None:
            continue
        title = str(cell.value)
        if title not in expected:
            problems.add(sheet.title, _where(cell), f"unknown column '{title}': the columns are {', '.join(expected)}; remove it")
        elif title in columns:
            first = f"{get_column_letter(columns[title])}1"
            problems.add(sheet.title, _where(cell), f"a second '{title}' column (the first is {first}): delete one of them")
        else:
            columns[title] = cell.column or 1
    for title in expected:
        if title not in columns:
            problems.add(sheet.title, "A1", f"the column '{title}' is missing: export the workbook again and copy your changes into it")
    return columns


class _Sources:
    """The YAML records behind the guide, read once, for the lines the edits rewrite."""

    def __init__(self, project: Path) -> None:
        self.project = project
        self._files: dict[str, Any] = {}

    def path(self, display: str) -> Path:
        return self.project / display

    def content(self, display: str) -> Any:
        if display not in self._files:
            self._files[display], _ = load_yaml_file(self.path(display), display)
        return self._files[display]

    def record(self, display: str, collection: str, ident: str) -> Any:
        return next(item for item in self.content(display)[collection] if item.get("id") == ident)


def _roles(sheet: Worksheet, guide: Guide, sources: _Sources, problems: Problems) -> Iterator[LineEdit]:
    columns = _headers(sheet, layout.ROLE_COLUMNS, problems)
    if "ID" not in columns:
        return
    for row in sheet.iter_rows(min_row=2):
        cells = {title: row[column - 1] for title, column in columns.items() if column <= len(row)}
        ident = _value(sheet, cells["ID"], problems)
        if ident is None and all(cell.value is None for cell in row):
            continue
        role = guide.roles.get(str(ident))
        if role is None:
            problems.add(sheet.title, _where(cells["ID"]), f"'{ident}' is not the id of a role: ids are changed in data/career_paths/")
            continue
        record = sources.record(role.origin.path, "roles", role.id)
        for title, key in (("Title", "title"), ("Level", "level"), ("Summary", "summary")):
            if title not in cells:
                continue
            cell = cells[title]
            value = _value(sheet, cell, problems)
            old = role.title if key == "title" else (role.grade or role.level) if key == "level" else role.summary
            if value is None and key != "summary" and cell.value is None:
                problems.add(sheet.title, _where(cell), f"the {key} of {role.title} is empty: every role needs one")
                continue
            if key == "level" and role.grade is None and value is not None and not isinstance(value, int):
                problems.add(sheet.title, _where(cell), f"'{value}' is not a level: write a whole number, e.g. {role.level}")
                continue
            if value is None or value == old or (value == "" and old is None):
                continue
            yield LineEdit(
                sources.path(role.origin.path),
                line_of(record, key),
                key,
                value,
                f"{sheet.title}!{_where(cell)}",
                f"{role.title}, {key}: {old} → {value}",
            )


def _family(sheet: Worksheet, family_roles: tuple[Role, ...], guide: Guide, sources: _Sources, problems: Problems) -> Iterator[LineEdit]:
    known = {role.id: role for role in family_roles}
    columns: dict[int, Role] = {}
    seen: dict[str, str] = {}
    for cell in sheet[1][layout.FAMILY_FIRST_ROLE_COLUMN - 1 :]:
        ident = _value(sheet, cell, problems)
        if ident is None:
            continue
        if ident in seen:
            problems.add(sheet.title, _where(cell), f"role '{ident}' has a second column (the first is {seen[ident]}): delete one of them")
        elif ident not in known:
            problems.add(sheet.title, _where(cell), f"'{ident}' is not a role of this family: the role ids of row 1 come from the export")
        else:
            seen[ident] = _where(cell)
            columns[cell.column or 1] = known[ident]
    for row in sheet.iter_rows(min_row=layout.FAMILY_FIRST_ROW):
        competency_id = _value(sheet, row[1], problems) if len(row) > 1 else None
        if competency_id is None:
            continue
        competency = guide.competencies.get(str(competency_id))
        if competency is None:
            problems.add(
                sheet.title, _where(row[1]), f"'{competency_id}' is not the id of a competency: ids come from data/competencies.yml"
            )
            continue
        steps = {step.name: step.rank for step in competency.scale.steps}
        for cell in row[layout.FAMILY_FIRST_ROLE_COLUMN - 1 :]:
            role = columns.get(cell.column or 0)
            if role is None:
                continue
            value = _value(sheet, cell, problems)
            was = role.skills.get(competency.id)
            rank = steps.get(str(value)) if value is not None else None
            if value is not None and rank is None:
                problems.add(
                    sheet.title,
                    _where(cell),
                    f"'{value}' is not a step of {competency.name}: choose one of {', '.join(steps)} (or leave the cell empty)",
                )
                continue
            if rank == was:
                continue
            if rank is None or was is None:
                what = "no longer expect" if rank is None else "expect"
                problems.add(
                    sheet.title,
                    _where(cell),
                    f"to make {role.title} {what} {competency.name}, edit its skills in {role.origin.path}: "
                    "the workbook changes the step of a skill a role already has",
                )
                continue
            record = sources.record(role.origin.path, "roles", role.id)
            written = record["skills"][competency.id]
            holder, key = (written, "level") if isinstance(written, dict) else (record["skills"], competency.id)
            old_written = holder[key]
            yield LineEdit(
                sources.path(role.origin.path),
                line_of(holder, key),
                key,
                rank if isinstance(old_written, int) else competency.step(rank).name,
                f"{sheet.title}!{_where(cell)}",
                f"{role.title}, {competency.name}: {competency.step(was).name} → {competency.step(rank).name}",
            )


def _questions(sheet: Worksheet, guide: Guide, sources: _Sources, problems: Problems) -> Iterator[LineEdit]:
    columns = _headers(sheet, layout.QUESTION_COLUMNS, problems)
    if "ID" not in columns or "Text" not in columns:
        return
    for row in sheet.iter_rows(min_row=2):
        ident = _value(sheet, row[columns["ID"] - 1], problems)
        if ident is None:
            continue
        question = guide.questions.get(str(ident))
        if question is None:
            problems.add(
                sheet.title, _where(row[columns["ID"] - 1]), f"'{ident}' is not the id of a question: ids are changed in data/questions/"
            )
            continue
        cell = row[columns["Text"] - 1]
        text = _value(sheet, cell, problems)
        if not text:
            if cell.value is None:
                problems.add(sheet.title, _where(cell), "the question's text is empty: every question needs one")
            continue
        if text != question.text:
            record = sources.record(question.origin.path, "questions", question.id)
            yield LineEdit(
                sources.path(question.origin.path),
                line_of(record, "text"),
                "text",
                text,
                f"{sheet.title}!{_where(cell)}",
                f"question {question.id}: {question.text} → {text}",
            )


def read_edits(book: Workbook, guide: Guide, project: Path) -> tuple[list[LineEdit], list[str]]:
    """The edits the workbook asks for, and every mistake in it (each as `Sheet!CELL: message`)."""
    problems = Problems()
    about = book[layout.ABOUT] if layout.ABOUT in book.sheetnames else None
    marked = about[layout.FORMAT_CELL].value if about is not None else None
    if marked != layout.FORMAT:
        problems.add(
            layout.ABOUT,
            layout.FORMAT_CELL,
            f"this workbook was not made by this guide's `make export` (format {marked or 'none'}, expected {layout.FORMAT}): "
            "export a new one and copy your changes into it",
        )
        return [], problems.found
    families = {layout.family_sheet(family.name): family for family in guide.families}
    expected = [layout.ABOUT, layout.ROLES, *families, layout.COMPETENCIES, layout.QUESTIONS]
    for name in expected:
        if name not in book.sheetnames:
            problems.add(name, "A1", "the sheet is missing: export the workbook again and copy your changes into it")
    for sheet in book.worksheets:
        if sheet.title not in expected:
            problems.add(sheet.title, "A1", "this sheet is not part of the guide's workbook: remove it (keep notes in another file)")
        for merged in sheet.merged_cells.ranges:
            problems.add(sheet.title, str(merged), "cells are merged: unmerge them, so that each value has its own cell")
    sources = _Sources(project)
    edits: list[LineEdit] = []
    if layout.ROLES in book.sheetnames:
        edits += _roles(book[layout.ROLES], guide, sources, problems)
    for name, family in families.items():
        if name in book.sheetnames:
            edits += _family(book[name], family.roles, guide, sources, problems)
    if layout.QUESTIONS in book.sheetnames:
        edits += _questions(book[layout.QUESTIONS], guide, sources, problems)
    return edits, problems.found


def changed_files(edits: list[LineEdit]) -> tuple[dict[Path, str], list[str]]:
    """Each file's new text with `edits` made, and the edits that cannot be made on one line."""
    texts: dict[Path, str] = {}
    problems = []
    for edit in edits:
        text = texts.get(edit.path) or edit.path.read_text(encoding="utf-8")
        try:
            texts[edit.path] = rewrite_line(text, edit)
        except NotOnOneLine:
            problems.append(f"{edit.cell}: in {edit.path.name} this {edit.key} is written over several lines: change it in the file itself")
    return texts, problems


def check_changed_data(data_dir: Path, texts: dict[Path, str], edits: list[LineEdit]) -> list[str]:
    """The problems `make check` finds in the data with the changes made (in a copy), each at its cell when an edit caused it."""
    cells = {(edit.path.relative_to(data_dir.parent).as_posix(), edit.line): edit.cell for edit in edits}
    return [
        f"{cells[(problem.path, problem.line)]}: {problem.message}" if (problem.path, problem.line) in cells else str(problem)
        for problem in problems_after(data_dir, texts)
    ]


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    apply = "--apply" in arguments
    files = [argument for argument in arguments if argument != "--apply"]
    if not files or not files[0]:
        print("Say which workbook: make import FILE=career-guide.xlsx (and APPLY=1 to write the changes)", file=sys.stderr)
        return 2
    project = Path.cwd()
    source, data_dir = Path(files[0]), project / "data"
    try:
        guide = load_guide(data_dir)
    except DataError as error:
        print("The data has problems; fix them before importing:\n" + error.report(), file=sys.stderr)
        return 1
    try:
        book = load_workbook(source)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as error:
        print(f"{source}: cannot be read as a workbook (.xlsx): {error}", file=sys.stderr)
        return 1
    edits, problems = read_edits(book, guide, project)
    texts, unwritable = changed_files(edits)
    problems += unwritable
    if not problems and texts:
        problems += check_changed_data(data_dir, texts, edits)
    if problems:
        print(f"{source} has {len(problems)} problem{'s' if len(problems) > 1 else ''}; nothing was written:", file=sys.stderr)
        print("\n".join(problems), file=sys.stderr)
        return 1
    if not edits:
        print(f"{source} changes nothing in data/.")
        return 0
    print(f"{len(edits)} change{'s' if len(edits) > 1 else ''} in {source}:")
    for edit in edits:
        print(f"  {edit.cell}: {edit.what} ({edit.path.relative_to(project).as_posix()}:{edit.line})")
    if not apply:
        print("Nothing is written yet: run again with APPLY=1 to write these changes to data/.")
        return 0
    write_all(texts)
    print(f"Wrote {len(edits)} change{'s' if len(edits) > 1 else ''} to {len(texts)} file{'s' if len(texts) > 1 else ''} in data/.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
