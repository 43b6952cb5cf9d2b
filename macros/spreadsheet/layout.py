"""What the guide's workbook holds, where: shared by the export and the import."""

from __future__ import annotations

import re

FORMAT = "career-guide-workbook/1"
"""Written on the About sheet; a workbook without it (or another) is refused on import."""
FORMAT_CELL = "B1"

ABOUT = "About"
ROLES = "Roles"
COMPETENCIES = "Competencies"
QUESTIONS = "Questions"

ROLE_COLUMNS = ("ID", "Title", "Family", "Level", "Track", "Summary", "Next", "Lateral")
QUESTION_COLUMNS = ("ID", "Bank", "Topic", "Text", "Families", "Roles", "Competencies")
COMPETENCY_COLUMNS = ("ID", "Name", "Area", "Scale")  # then one column per step of the widest scale

FAMILY_FIRST_ROLE_COLUMN = 3
"""On a family's sheet: A names the competency, B its id, and each column from C is a role (its id in row 1, title in row 2)."""
FAMILY_FIRST_ROW = 3

EDITABLE = {
    ROLES: ("Title", "Level", "Summary"),
    QUESTIONS: ("Text",),
}
"""What the import takes back from the list sheets; on a family's sheet, the expected levels."""

_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")


def family_sheet(name: str) -> str:
    """The sheet of a job family: its name, as a sheet may be called (31 characters, none of []:*?/\\)."""
    return _NOT_IN_SHEET_NAMES.sub(" ", name)[:31].strip()
