"""`make export`: the data as one workbook, for HR to review and edit in a spreadsheet.

A sheet per job family (competencies as rows, roles as columns, each cell the
step the role expects, by its name), the roles, the competencies with what
each step looks like, and the questions. Headers are frozen, columns sized,
and a cell the import takes back offers only valid values (a drop-down of the
competency's steps). The About sheet says what can be changed here and marks
the workbook's format, which the import checks.
"""

from __future__ import annotations

import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..errors import DataError
from ..loading import load_guide
from ..model import Guide
from . import layout

HEADER = Font(bold=True)
EDITABLE_FILL = PatternFill("solid", fgColor="FFF8E1")
"""Cells the import takes back are tinted, so HR sees where to type."""


def _header(sheet: Worksheet, columns: tuple[str, ...] | list[str], row: int = 1) -> None:
    for index, title in enumerate(columns, start=1):
        cell = sheet.cell(row=row, column=index, value=title)
        cell.font = HEADER


def _size_columns(sheet: Worksheet, widest: int = 60) -> None:
    for index, column in enumerate(sheet.columns, start=1):
        letter = get_column_letter(index)
        longest = max((len(str(cell.value)) for cell in column if cell.value is not None), default=8)
        sheet.column_dimensions[letter].width = min(widest, max(10, longest + 2))


def _about(book: Workbook, guide: Guide) -> None:
    sheet = book.active
    assert sheet is not None
    sheet.title = layout.ABOUT
    rows = [
        ("Format", layout.FORMAT),
        ("Company", guide.company.name),
        (
            "What to change",
            "Tinted cells: on Roles a title, level or summary; on Questions a text; on a family's sheet the step a role expects.",
        ),
        ("How", "Save the workbook, then run: make import FILE=<this file>. It lists the changes; add APPLY=1 to write them to data/."),
        (
            "Everything else",
            "Add or remove roles, competencies and moves in the YAML files under data/ (see the editors' guide, /editing/).",
        ),
    ]
    for row in rows:
        sheet.append(row)
    for cell in sheet["A"]:
        cell.font = HEADER
    sheet.column_dimensions["A"].width = 18
    sheet.column_dimensions["B"].width = 110


def _roles(book: Workbook, guide: Guide) -> None:
    sheet = book.create_sheet(layout.ROLES)
    _header(sheet, layout.ROLE_COLUMNS)
    for family in guide.families:
        for role in family.roles:
            track = family.track_of(role)
            sheet.append(
                [
                    role.id,
                    role.title,
                    family.name,
                    role.grade or role.level,
                    track.name if track else None,
                    role.summary,
                    ", ".join(role.next) or None,
                    ", ".join(role.lateral) or None,
                ]
            )
    _tint(sheet, [layout.ROLE_COLUMNS.index(name) + 1 for name in layout.EDITABLE[layout.ROLES]])
    sheet.freeze_panes = "B2"
    _size_columns(sheet)


def _tint(sheet: Worksheet, columns: list[int]) -> None:
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if cell.column in columns:
                cell.fill = EDITABLE_FILL


def _families(book: Workbook, guide: Guide) -> None:
    for family in guide.families:
        sheet = book.create_sheet(layout.family_sheet(family.name))
        competencies = list(dict.fromkeys(c for role in family.roles for c in role.skills))
        sheet.cell(row=1, column=1, value="Competency").font = HEADER
        sheet.cell(row=1, column=2, value="Competency id").font = HEADER
        sheet.cell(row=2, column=1, value="(role ids above, titles below)")
        for offset, role in enumerate(family.roles):
            column = layout.FAMILY_FIRST_ROLE_COLUMN + offset
            sheet.cell(row=1, column=column, value=role.id).font = HEADER
            title = sheet.cell(row=2, column=column, value=role.title)
            title.font = HEADER
            title.alignment = Alignment(wrap_text=True, vertical="top")
            sheet.column_dimensions[get_column_letter(column)].width = 18
        for row, competency_id in enumerate(competencies, start=layout.FAMILY_FIRST_ROW):
            competency = guide.competencies[competency_id]
            sheet.cell(row=row, column=1, value=competency.name)
            sheet.cell(row=row, column=2, value=competency.id)
            steps = [step.name for step in competency.scale.steps]
            # Only the competency's own steps can be chosen (or the cell left empty).
            choice = DataValidation(type="list", formula1='"' + ",".join(steps) + '"', allow_blank=True)
            choice.error = f"Choose one of the steps of {competency.name}: {', '.join(steps)}"
            choice.errorTitle = "Not a step of this competency"
            sheet.add_data_validation(choice)
            for offset, role in enumerate(family.roles):
                rank = role.skills.get(competency_id)
                cell = sheet.cell(
                    row=row, column=layout.FAMILY_FIRST_ROLE_COLUMN + offset, value=competency.step(rank).name if rank else None
                )
                cell.fill = EDITABLE_FILL
                choice.add(cell)
        sheet.freeze_panes = sheet.cell(row=layout.FAMILY_FIRST_ROW, column=layout.FAMILY_FIRST_ROLE_COLUMN)
        sheet.column_dimensions["A"].width = max(14, *(len(guide.competencies[c].name) + 2 for c in competencies)) if competencies else 14
        sheet.column_dimensions["B"].width = 18


def _competencies(book: Workbook, guide: Guide) -> None:
    sheet = book.create_sheet(layout.COMPETENCIES)
    widest = max((len(c.scale.steps) for c in guide.competencies.values()), default=0)
    _header(sheet, [*layout.COMPETENCY_COLUMNS, *(f"Step {rank}" for rank in range(1, widest + 1))])
    for competency in guide.competencies.values():
        area = guide.areas.get(competency.area_id or "")
        steps = [f"{step.name}: {competency.level_text(step.rank)}" for step in competency.scale.steps]
        sheet.append([competency.id, competency.name, area.name if area else None, competency.scale.name, *steps])
    sheet.freeze_panes = "B2"
    _size_columns(sheet, widest=50)


def _questions(book: Workbook, guide: Guide) -> None:
    sheet = book.create_sheet(layout.QUESTIONS)
    _header(sheet, layout.QUESTION_COLUMNS)
    for question in guide.questions.values():
        sheet.append(
            [
                question.id,
                question.bank_id,
                question.topic,
                question.text,
                ", ".join(question.families) or None,
                ", ".join(question.roles) or None,
                ", ".join(question.competencies) or None,
            ]
        )
    _tint(sheet, [layout.QUESTION_COLUMNS.index("Text") + 1])
    sheet.freeze_panes = "B2"
    _size_columns(sheet, widest=80)


def workbook(guide: Guide) -> Workbook:
    book = Workbook()
    _about(book, guide)
    _roles(book, guide)
    _families(book, guide)
    _competencies(book, guide)
    _questions(book, guide)
    return book


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    target = Path(arguments[0] if arguments else "career-guide.xlsx")
    try:
        guide = load_guide(Path("data"))
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    workbook(guide).save(target)
    print(f"Wrote {target}: {len(guide.families)} family sheets, {len(guide.roles)} roles, {len(guide.questions)} questions.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
