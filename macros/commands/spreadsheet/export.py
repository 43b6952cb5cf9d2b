"""`make export`: the data as one workbook, for HR to review and edit in a spreadsheet.

A sheet per job family (competencies as rows, roles as columns, each cell the
step the role expects, by its name), the roles, the competencies with what
each step looks like, the questions, and the opportunities (for reading only:
they are edited in data/opportunities.yml). Every sheet is protected without a
password: the cells the import takes back are tinted and unlocked, and so are
the empty rows (and, on a family's sheet, columns) below and beside the data,
for new records; everything else is locked, so that a slip does not change an
id. A cell that offers only some values has a drop-down of them.

The About sheet says what can be changed, marks the workbook's format, and
records (in hidden rows) a fingerprint of every cell as exported: the import
tells from it which cells HR changed, so that a cell HR left alone never
overwrites data changed since.
"""

from __future__ import annotations

import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ...loading import load_guide
from ...model.errors import DataError
from ...model.fingerprint import digest
from ...model.guide import Guide
from . import layout
from .cells import step_cell
from .grid import Grid, Problems, fingerprint, read_about, read_family, read_list

HEADER = Font(bold=True)
SHARED = Font(italic=True, color="777777")
"""A value the sheet shows but that belongs elsewhere (a scale's own description)."""
EDITABLE_FILL = PatternFill("solid", fgColor="FFF8E1")
"""Cells the import takes back are tinted, so HR sees where to type."""
OPEN = Protection(locked=False)

ABOUT_ROWS = (
    (
        "What to change",
        "Tinted cells. Roles: a title, level, track, summary, next and lateral moves (role ids, separated by commas). "
        "Competencies: a name, area, description, and what each step looks like (keep the step's name and colon at the start). "
        "Questions: a topic, text, and the families, roles and competencies it is limited to. "
        "A family's sheet: a role's title (row 2) and the step it expects of each competency (empty: not expected).",
    ),
    (
        "Add",
        "Type in the empty rows below the data. A role: a row on Roles (id, title, family, level; track when the family has tracks), "
        "and a column on its family's sheet, its id in row 1, with the step it expects of each competency. "
        "A competency: a row on Competencies (its steps too, or none to use the scale's); "
        "then a row on a family's sheet, its id in column B, to have roles expect it. A question: a row on Questions (id, bank, text).",
    ),
    (
        "Locked",
        "Ids, a role's family, a competency's scale and the headings: the import says where to change them "
        "(make rename, make move, make delete, or the YAML files under data/, see the editors' guide, /editing/). "
        "The Opportunities sheet, when there is one, is for reading: opportunities are edited in data/opportunities.yml.",
    ),
    ("How", "Save the workbook, then run: make import FILE=<this file>. It lists the changes; add APPLY=1 to write them to data/."),
    (
        "Later edits",
        "A cell you did not change never replaces what was changed in data/ since this export; "
        "a cell changed both here and in data/ is reported, and nothing is written.",
    ),
)


def _header(sheet: Worksheet, columns: tuple[str, ...] | list[str], row: int = 1) -> None:
    for index, title in enumerate(columns, start=1):
        cell = sheet.cell(row=row, column=index, value=title)
        cell.font = HEADER


def _size_columns(sheet: Worksheet, widest: int = 60) -> None:
    for index, column in enumerate(sheet.columns, start=1):
        letter = get_column_letter(index)
        longest = max((len(str(cell.value)) for cell in column if cell.value is not None), default=8)
        sheet.column_dimensions[letter].width = min(widest, max(10, longest + 2))


def _protect(sheet: Worksheet) -> None:
    """Locked cells cannot be typed in (no password: the import checks every cell anyway); columns and rows may be resized."""
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False


def _open(sheet: Worksheet, first_row: int, last_row: int, first_column: int, last_column: int) -> None:
    """Unlock a block of cells, for new records."""
    for row in range(first_row, last_row + 1):
        for column in range(first_column, last_column + 1):
            sheet.cell(row=row, column=column).protection = OPEN


def _editable(sheet: Worksheet, columns: tuple[str, ...], editable: tuple[str, ...]) -> None:
    """Tint and unlock the editable columns of the existing rows."""
    numbers = {columns.index(name) + 1 for name in editable}
    for row in sheet.iter_rows(min_row=2, max_row=sheet.max_row):
        for cell in row:
            if cell.column in numbers:
                cell.fill = EDITABLE_FILL
                cell.protection = OPEN


def _about(book: Workbook, guide: Guide) -> None:
    sheet = book.active
    assert sheet is not None
    sheet.title = layout.ABOUT
    sheet.append(("Format", layout.FORMAT))
    sheet.append(("Company", guide.company.name))
    sheet.append(("Data version", None))  # filled once every sheet is written
    for row in ABOUT_ROWS:
        sheet.append(row)
    for cell in sheet["A"]:
        cell.font = HEADER
    for cell in sheet["B"]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["A"].width = 18
    sheet.column_dimensions["B"].width = 110
    _protect(sheet)


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
    _editable(sheet, layout.ROLE_COLUMNS, layout.EDITABLE[layout.ROLES])
    track_column = layout.ROLE_COLUMNS.index("Track") + 1
    for row, role in enumerate((role for family in guide.families for role in family.roles), start=2):
        if not guide.family_of(role).tracks:  # nothing to choose in a family without tracks
            sheet.cell(row=row, column=track_column).fill = PatternFill()
            sheet.cell(row=row, column=track_column).protection = Protection(locked=True)
    last = sheet.max_row
    _open(sheet, last + 1, last + layout.SPARE_ROWS, 1, len(layout.ROLE_COLUMNS))
    names = '"' + ",".join(family.name.replace(",", " ") for family in guide.families) + '"'
    if len(names) <= 255:  # the longest list a drop-down takes
        families = DataValidation(type="list", formula1=names, allow_blank=True)
        families.add(f"C{last + 1}:C{last + layout.SPARE_ROWS}")
        sheet.add_data_validation(families)
    sheet.freeze_panes = "B2"
    _size_columns(sheet)
    _protect(sheet)


def _families(book: Workbook, guide: Guide) -> None:
    for family in guide.families:
        sheet = book.create_sheet(layout.family_sheet(family.name))
        competencies = list(dict.fromkeys(c for role in family.roles for c in role.skills))
        sheet.cell(row=1, column=1, value="Competency").font = HEADER
        sheet.cell(row=1, column=2, value="Competency id").font = HEADER
        sheet.cell(row=2, column=1, value="(role ids above, titles below)")
        first, last_role = layout.FAMILY_FIRST_ROLE_COLUMN, layout.FAMILY_FIRST_ROLE_COLUMN + len(family.roles) - 1
        last_column = last_role + layout.SPARE_ROLE_COLUMNS
        last_row = layout.FAMILY_FIRST_ROW + len(competencies) - 1 + layout.SPARE_FAMILY_ROWS
        for offset, role in enumerate(family.roles):
            column = first + offset
            sheet.cell(row=1, column=column, value=role.id).font = HEADER
            title = sheet.cell(row=2, column=column, value=role.title)
            title.font = HEADER
            title.alignment = Alignment(wrap_text=True, vertical="top")
            title.fill = EDITABLE_FILL
            title.protection = OPEN
            sheet.column_dimensions[get_column_letter(column)].width = 18
        for row, competency_id in enumerate(competencies, start=layout.FAMILY_FIRST_ROW):
            competency = guide.competencies[competency_id]
            sheet.cell(row=row, column=1, value=competency.name)
            sheet.cell(row=row, column=2, value=competency.id)
            steps = [step.name for step in competency.scale.steps]
            # Only the competency's own steps can be chosen (or the cell left empty), in new roles' columns too.
            choice = DataValidation(type="list", formula1='"' + ",".join(steps) + '"', allow_blank=True)
            choice.error = f"Choose one of the steps of {competency.name}: {', '.join(steps)}"
            choice.errorTitle = "Not a step of this competency"
            sheet.add_data_validation(choice)
            for column in range(first, last_column + 1):
                holder = family.roles[column - first] if column <= last_role else None
                rank = holder.skills.get(competency_id) if holder else None
                cell = sheet.cell(row=row, column=column, value=competency.step(rank).name if rank else None)
                cell.protection = OPEN
                if holder is not None:
                    cell.fill = EDITABLE_FILL
                choice.add(cell)
        # Spare columns take a new role's id and title; spare rows a competency's id and the steps roles expect.
        _open(sheet, 1, 2, last_role + 1, last_column)
        _open(sheet, layout.FAMILY_FIRST_ROW + len(competencies), last_row, 1, last_column)
        sheet.freeze_panes = sheet.cell(row=layout.FAMILY_FIRST_ROW, column=first)
        sheet.column_dimensions["A"].width = max(14, *(len(guide.competencies[c].name) + 2 for c in competencies)) if competencies else 14
        sheet.column_dimensions["B"].width = 18
        _protect(sheet)


def _competencies(book: Workbook, guide: Guide) -> None:
    sheet = book.create_sheet(layout.COMPETENCIES)
    widest = max((len(c.scale.steps) for c in guide.competencies.values()), default=0)
    columns = (*layout.COMPETENCY_COLUMNS, *(layout.step_column(rank) for rank in range(1, widest + 1)))
    _header(sheet, columns)
    for row, competency in enumerate(guide.competencies.values(), start=2):
        area = guide.areas.get(competency.area_id or "")
        sheet.append([competency.id, competency.name, area.name if area else None, competency.scale.name, competency.description])
        for step in competency.scale.steps:
            # Levels of its own are the competency's to change; without them, the scale's words show, locked.
            text = competency.levels[step.rank - 1].descriptor if competency.levels else step.description
            cell = sheet.cell(row=row, column=len(layout.COMPETENCY_COLUMNS) + step.rank, value=step_cell(step.name, text))
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if competency.levels:
                cell.fill = EDITABLE_FILL
                cell.protection = OPEN
            else:
                cell.font = SHARED
    _editable(sheet, columns, ("Name", "Description", *(("Area",) if guide.areas else ())))
    last = sheet.max_row
    _open(sheet, last + 1, last + layout.SPARE_ROWS, 1, len(columns))
    sheet.freeze_panes = "B2"
    _size_columns(sheet, widest=50)
    _protect(sheet)


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
    _editable(sheet, layout.QUESTION_COLUMNS, layout.EDITABLE[layout.QUESTIONS])
    last = sheet.max_row
    _open(sheet, last + 1, last + layout.SPARE_ROWS, 1, len(layout.QUESTION_COLUMNS))
    sheet.freeze_panes = "B2"
    _size_columns(sheet, widest=80)
    _protect(sheet)


def _opportunities(book: Workbook, guide: Guide) -> None:
    """Every opportunity as written (ended ones too), every cell locked: they are edited in data/opportunities.yml."""
    if not guide.opportunities:
        return
    sheet = book.create_sheet(layout.OPPORTUNITIES)
    _header(sheet, layout.OPPORTUNITY_COLUMNS)
    for offer in guide.opportunities.values():
        sheet.append(
            [
                offer.id,
                offer.title,
                offer.kind,
                ", ".join(offer.competencies),
                ", ".join(offer.roles) or None,
                ", ".join(offer.families) or None,
                offer.role,
                # As text, the way they are written: the import refuses a cell that holds a date.
                offer.starts.isoformat() if offer.starts else None,
                offer.ends.isoformat() if offer.ends else None,
                offer.contact,
                offer.description,
                offer.how_to_apply,
            ]
        )
    sheet.freeze_panes = "B2"
    _size_columns(sheet, widest=60)
    _protect(sheet)


def grids(book: Workbook, guide: Guide) -> dict[str, Grid]:
    """Every sheet of a workbook the export wrote, read as the import reads it."""
    problems = Problems()
    widest = max((len(c.scale.steps) for c in guide.competencies.values()), default=0)
    steps = tuple(layout.step_column(rank) for rank in range(1, widest + 1))
    found = {layout.ABOUT: read_about(book[layout.ABOUT], problems)}
    for sheet in book.worksheets[1:]:
        if sheet.title == layout.ROLES:
            found[sheet.title] = read_list(sheet, layout.ROLE_COLUMNS, "role", problems)
        elif sheet.title == layout.COMPETENCIES:
            found[sheet.title] = read_list(sheet, (*layout.COMPETENCY_COLUMNS, *steps), "competency", problems)
        elif sheet.title == layout.QUESTIONS:
            found[sheet.title] = read_list(sheet, layout.QUESTION_COLUMNS, "question", problems)
        elif sheet.title == layout.OPPORTUNITIES:
            found[sheet.title] = read_list(sheet, layout.OPPORTUNITY_COLUMNS, "opportunity", problems)
        else:
            found[sheet.title] = read_family(sheet, problems)
    return found


def _record_exported(book: Workbook, guide: Guide) -> None:
    """Write each cell's fingerprint, as exported, in hidden rows of the About sheet, and the data version they make."""
    about = book[layout.ABOUT]
    rows = [
        (title, row, column, grid.cells[(row, column)], fingerprint(value))
        for title, grid in grids(book, guide).items()
        for (row, column), value in grid.values.items()
    ]
    about[layout.VERSION_CELL] = digest(rows)[:12]
    for index, title in enumerate(layout.EXPORTED_COLUMNS, start=1):
        about.cell(row=layout.EXPORTED_HEADING_ROW, column=index, value=title)
    for number, row in enumerate(rows, start=layout.EXPORTED_HEADING_ROW + 1):
        for index, value in enumerate(row, start=1):
            about.cell(row=number, column=index, value=value)
    for number in range(layout.EXPORTED_HEADING_ROW, layout.EXPORTED_HEADING_ROW + len(rows) + 1):
        about.row_dimensions[number].hidden = True


def workbook(guide: Guide, *, record: bool = True) -> Workbook:
    """The workbook of `guide`; `record=False` leaves out the fingerprints (for comparing with what a workbook holds)."""
    book = Workbook()
    _about(book, guide)
    _roles(book, guide)
    _families(book, guide)
    _competencies(book, guide)
    _questions(book, guide)
    _opportunities(book, guide)
    if record:
        _record_exported(book, guide)
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
