"""What the guide's workbook holds, where: shared by the export and the import."""

from __future__ import annotations

import re

FORMAT = "career-guide-workbook/2"
"""Written on the About sheet; a workbook without it (or another) is refused on import."""
FORMAT_CELL = "B1"
VERSION_CELL = "B3"
"""The data version the workbook was exported from: a fingerprint of every cell, as exported."""

ABOUT = "About"
ROLES = "Roles"
COMPETENCIES = "Competencies"
QUESTIONS = "Questions"
OPPORTUNITIES = "Opportunities"
"""For reading only: opportunities are edited in data/opportunities.yml (the sheet is there only when the file is)."""

ROLE_COLUMNS = ("ID", "Title", "Family", "Level", "Track", "Summary", "Next", "Lateral")
QUESTION_COLUMNS = ("ID", "Bank", "Topic", "Text", "Families", "Roles", "Competencies")
OPPORTUNITY_COLUMNS = (
    "ID",
    "Title",
    "Kind",
    "Competencies",
    "Roles",
    "Families",
    "Role open",
    "Starts",
    "Ends",
    "Contact",
    "Description",
    "How to apply",
)
COMPETENCY_COLUMNS = ("ID", "Name", "Area", "Scale", "Description")
"""Then one column per step of the widest scale, `Step 1`, `Step 2`..."""
STEP = "Step "


def step_column(rank: int) -> str:
    return f"{STEP}{rank}"


EDITABLE = {
    ROLES: ("Title", "Level", "Track", "Summary", "Next", "Lateral"),
    COMPETENCIES: ("Name", "Area", "Description"),  # and the steps of a competency with levels of its own
    QUESTIONS: ("Topic", "Text", "Families", "Roles", "Competencies"),
}
"""What the import takes back from an existing row of a list sheet; a new row fills every column."""

FAMILY_FIRST_ROLE_COLUMN = 3
"""On a family's sheet: A names the competency, B its id, and each column from C is a role (its id in row 1, title in row 2)."""
FAMILY_FIRST_ROW = 3
FAMILY_NAME = "#name"
FAMILY_ID = "#id"
"""Column keys of a family sheet's columns A and B (the others are keyed by their role's id)."""
FAMILY_IDS = "#ids"
FAMILY_TITLES = "#titles"
"""Row keys of a family sheet's rows 1 and 2 (the others are keyed by their competency's id)."""

SPARE_ROWS = 100
SPARE_ROLE_COLUMNS = 6
SPARE_FAMILY_ROWS = 20
"""Empty cells left open (unlocked) below and beside the data, for new records."""

EXPORTED_HEADING_ROW = 20
"""On the About sheet, from this row down (hidden): what each cell held when the workbook was exported, as a fingerprint."""
EXPORTED_COLUMNS = ("Sheet", "Row", "Column", "Cell", "Fingerprint")

_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")


def family_sheet(name: str) -> str:
    """The sheet of a job family: its name, as a sheet may be called (31 characters, none of []:*?/\\)."""
    return _NOT_IN_SHEET_NAMES.sub(" ", name)[:31].strip()
