"""A sheet of the workbook read as a table: each cell's value by (row key, column key), and where it is.

The export and the import read sheets the same way, so that what was
exported, what HR saved and what the data gives now can be compared cell by
cell, whatever rows HR added. A row is keyed by its record's id (on a
family's sheet, by its competency's id), a column by its heading (on a
family's sheet, by its role's id).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ...model.fingerprint import digest
from . import layout

CellKey = tuple[str, str]
AnyCell = Cell | MergedCell


class Problems:
    """Mistakes in the workbook, each at its cell."""

    def __init__(self) -> None:
        self.found: list[str] = []

    def add(self, sheet: str, cell: str, message: str) -> None:
        entry = f"{sheet}!{cell}: {message}"
        if entry not in self.found:
            self.found.append(entry)


def normal(value: object) -> object:
    """A cell's value as compared: text without surrounding spaces or Windows line ends, whole numbers as int, empty as None."""
    if isinstance(value, str):
        return value.replace("\r\n", "\n").strip() or None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def fingerprint(value: object) -> str:
    """A short fingerprint of a cell's value, as the export records it."""
    return digest(normal(value))[:16]


def coordinate(cell: AnyCell) -> str:
    return f"{get_column_letter(cell.column or 1)}{cell.row}"


def cell_value(sheet: Worksheet, cell: AnyCell, problems: Problems) -> object:
    """The value typed in `cell`; a formula or a date is a mistake (the guide's data holds neither)."""
    value = cell.value
    if cell.data_type == "f" or (isinstance(value, str) and value.startswith("=")):
        problems.add(sheet.title, coordinate(cell), f"a formula ({value}) is not a value: type the value itself")
        return None
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        problems.add(sheet.title, coordinate(cell), "the cell holds a date: format the cell as text and type the value again")
        return None
    return normal(value)


class Grid:
    """One sheet's cells by (row key, column key)."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.values: dict[CellKey, object] = {}
        self.cells: dict[CellKey, str] = {}
        self.rows: dict[str, int] = {}
        """Row key -> row number."""
        self.columns: dict[str, int] = {}
        """Column key -> column number."""

    def put(self, row: str, column: str, cell: AnyCell, value: object) -> None:
        self.values[(row, column)] = value
        self.cells[(row, column)] = coordinate(cell)

    def value(self, row: str, column: str) -> object:
        return self.values.get((row, column))

    def where(self, row: str, column: str) -> str:
        """The cell of (row, column), also when it was never written."""
        if (row, column) in self.cells:
            return self.cells[(row, column)]
        return f"{get_column_letter(self.columns.get(column, 1))}{self.rows.get(row, 1)}"

    def row_values(self, row: str) -> Iterator[tuple[str, object]]:
        return ((column, value) for (key, column), value in self.values.items() if key == row)


def _nonempty(row: tuple[AnyCell, ...]) -> list[AnyCell]:
    return [cell for cell in row if normal(cell.value) is not None]


def _headers(sheet: Worksheet, expected: tuple[str, ...], problems: Problems) -> dict[str, int]:
    """Column number of each expected header in row 1; every unknown, repeated or missing header is a problem."""
    columns: dict[str, int] = {}
    for cell in sheet[1]:
        title = normal(cell.value)
        if title is None:
            continue
        title = str(title)
        if title not in expected:
            problems.add(sheet.title, coordinate(cell), f"unknown column '{title}': the columns are {', '.join(expected)}; remove it")
        elif title in columns:
            first = f"{get_column_letter(columns[title])}1"
            problems.add(sheet.title, coordinate(cell), f"a second '{title}' column (the first is {first}): delete one of them")
        else:
            columns[title] = cell.column or 1
    for title in expected:
        if title not in columns:
            problems.add(sheet.title, "A1", f"the column '{title}' is missing: export the workbook again and copy your changes into it")
    return columns


def read_list(sheet: Worksheet, expected: tuple[str, ...], noun: str, problems: Problems) -> Grid:
    """A list sheet (Roles, Competencies, Questions): headings in row 1, then a record a row, keyed by its ID."""
    grid = Grid(sheet.title)
    columns = _headers(sheet, expected, problems)
    grid.columns = dict(columns)
    headed = set(columns.values()) | {cell.column or 1 for cell in sheet[1] if normal(cell.value) is not None}
    if "ID" not in columns:
        return grid
    for row in sheet.iter_rows(min_row=2):
        filled = _nonempty(row)
        if not filled:
            continue
        for cell in filled:
            if (cell.column or 1) not in headed:
                problems.add(
                    sheet.title,
                    coordinate(cell),
                    "this cell is outside the table (its column has no heading): clear it, and keep notes in another file",
                )
        ident = cell_value(sheet, row[columns["ID"] - 1], problems) if columns["ID"] <= len(row) else None
        number = filled[0].row or 1
        if ident is None:
            problems.add(
                sheet.title,
                f"{get_column_letter(columns['ID'])}{number}",
                f"this row has no ID: a new {noun} needs one, in lowercase words joined by hyphens (e.g. {noun.replace(' ', '-')}-2)",
            )
            continue
        key = str(ident)
        if key in grid.rows:
            problems.add(
                sheet.title,
                f"{get_column_letter(columns['ID'])}{number}",
                f"a second row for '{key}' (the first is row {grid.rows[key]}): delete one of them",
            )
            continue
        grid.rows[key] = number
        for title, column in columns.items():
            cell = sheet.cell(row=number, column=column)
            grid.put(key, title, cell, ident if title == "ID" else cell_value(sheet, cell, problems))
    return grid


def read_family(sheet: Worksheet, problems: Problems) -> Grid:
    """A family's sheet: competency ids in column B, role ids in row 1, role titles in row 2, steps where they cross."""
    grid = Grid(sheet.title)
    grid.columns = {layout.FAMILY_NAME: 1, layout.FAMILY_ID: 2}
    for cell in sheet[1][layout.FAMILY_FIRST_ROLE_COLUMN - 1 :]:
        ident = cell_value(sheet, cell, problems)
        if ident is None:
            continue
        key = str(ident)
        if key in grid.columns:
            first = f"{get_column_letter(grid.columns[key])}1"
            problems.add(sheet.title, coordinate(cell), f"role '{key}' has a second column (the first is {first}): delete one of them")
            continue
        grid.columns[key] = cell.column or 1
    grid.rows = {layout.FAMILY_IDS: 1, layout.FAMILY_TITLES: 2}
    for row in sheet.iter_rows(min_row=layout.FAMILY_FIRST_ROW):
        filled = _nonempty(row)
        if not filled:
            continue
        number = filled[0].row or 1
        ident = cell_value(sheet, row[1], problems) if len(row) > 1 else None
        if ident is None:
            problems.add(
                sheet.title,
                f"B{number}",
                "this row has no competency id in column B: write the id of the competency (from the Competencies sheet), or clear the row",
            )
            continue
        key = str(ident)
        if key in grid.rows:
            problems.add(sheet.title, f"B{number}", f"a second row for '{key}' (the first is row {grid.rows[key]}): delete one of them")
            continue
        grid.rows[key] = number
    known = set(grid.columns.values())
    for row_key, number in grid.rows.items():
        for cell in sheet[number]:
            column = cell.column or 1
            if column not in known and normal(cell.value) is not None:
                problems.add(
                    sheet.title,
                    coordinate(cell),
                    "this column has no role id in row 1: put a new role's id there (and add the role on the Roles sheet), "
                    "or clear the column",
                )
        for column_key, column in grid.columns.items():
            cell = sheet.cell(row=number, column=column)
            grid.put(row_key, column_key, cell, cell_value(sheet, cell, problems))
    return grid


def read_about(sheet: Worksheet, problems: Problems) -> Grid:
    """The About sheet's visible part: its cells by row number and column letter."""
    grid = Grid(sheet.title)
    for row in sheet.iter_rows(min_row=1, max_row=layout.EXPORTED_HEADING_ROW - 1):
        for cell in row:
            if coordinate(cell) != layout.VERSION_CELL:
                row_key, column_key = str(cell.row), get_column_letter(cell.column or 1)
                grid.rows[row_key], grid.columns[column_key] = cell.row or 1, cell.column or 1
                grid.put(row_key, column_key, cell, cell_value(sheet, cell, problems))
    return grid


def read_exported(sheet: Worksheet) -> dict[tuple[str, str, str], tuple[str, str]]:
    """What the export recorded on the About sheet: (sheet, row key, column key) -> (cell, fingerprint)."""
    recorded = {}
    for row in sheet.iter_rows(min_row=layout.EXPORTED_HEADING_ROW + 1, max_col=len(layout.EXPORTED_COLUMNS), values_only=True):
        title, row_key, column_key, cell, mark = (str(value) if value is not None else "" for value in row)
        if title:
            recorded[(title, row_key, column_key)] = (cell, mark)
    return recorded
