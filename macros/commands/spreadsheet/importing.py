"""`make import FILE=...xlsx [APPLY=1]`: the edits made in the guide's workbook, back into data/.

Every cell is compared three ways: as the workbook was exported (its
fingerprint, recorded on the About sheet), as HR saved it, and as the data
gives it now. A cell HR did not change is left alone, even when the data has
changed since (that newer value is kept); a cell HR changed is applied, or
refused at its cell when it cannot be taken back (an id, a role's family: the
message says where to change it instead); a cell changed both in the workbook
and in data/ since the export is a conflict; the Opportunities sheet is for
reading, and any change there is refused with the line to edit instead. New
rows add records, appended at the end of their file's list. What changed is listed in words; with
APPLY=1 it is written, after the data with the changes has passed the same
checks as `make check`. Nothing is written when anything is wrong.
"""

from __future__ import annotations

import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import yaml
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from ...loading import load_guide
from ...model.errors import DataError
from ...model.guide import Family, Guide
from ..data_writes import problems_after, write_all
from . import layout
from .cells import MISSING, Cells, Edit, Sources, short
from .edits import NotEditable, apply
from .export import grids, workbook
from .grid import Grid, Problems, fingerprint, normal, read_about, read_exported, read_family, read_list

Recorded = dict[tuple[str, str, str], tuple[str, str]]
"""(sheet, row key, column key) -> (cell, fingerprint), as exported."""


class Found(NamedTuple):
    """What a workbook asks for: the edits, every mistake (each at its cell), and the cells that kept newer data."""

    edits: list[Edit]
    problems: list[str]
    kept: list[str]


class _Sheet:
    """One sheet three ways: as exported (fingerprints), as HR saved it, and as the data gives it now."""

    def __init__(self, title: str, mine: Grid, recorded: Recorded, now: Grid | None) -> None:
        self.title = title
        self.mine = mine
        self.now = now
        self.base = {(row, column): entry for (sheet, row, column), entry in recorded.items() if sheet == title}
        self.base_rows = {row for row, _ in self.base}
        self.base_columns = {column for _, column in self.base}
        self.family = title not in (layout.ABOUT, layout.ROLES, layout.COMPETENCIES, layout.QUESTIONS, layout.OPPORTUNITIES)

    def cell(self, row: str, column: str) -> str:
        return f"{self.title}!{self.mine.where(row, column)}"

    def exported(self, row: str, column: str) -> str:
        return self.base.get((row, column), ("", fingerprint(None)))[1]

    def current(self, row: str, column: str, known: set[str]) -> object:
        """The value the data gives the cell now; MISSING when its record (or its role, on a family's sheet) is gone."""
        if self.now is None:
            return MISSING
        if (row, column) in self.now.values:
            return self.now.values[(row, column)]
        if self.family and column in self.now.columns and row in known:
            return None  # a competency none of the family's roles expects any more
        return MISSING

    def new_rows(self) -> list[str]:
        return [row for row in self.mine.rows if row not in self.base_rows]


def _three_way(sheet: _Sheet, cells: Cells, known: set[str], kept: list[str]) -> Iterator[tuple[str, str, object, str]]:
    """The cells HR changed that the data did not change since the export: (row, column, value, cell).

    A cell HR did not change is passed over, noting when the data has a newer
    value; a cell changed on both sides is a conflict, reported at the cell.
    """
    rows = [row for row in sheet.mine.rows if row in sheet.base_rows or (sheet.family and row in known)]
    # The id cells are the keys themselves: a changed id is a row gone and a row added (see _removed).
    columns = [column for column in sheet.mine.columns if column in sheet.base_columns and column not in ("ID", layout.FAMILY_ID)]
    for row in rows:
        for column in columns:
            if sheet.family and column == layout.FAMILY_NAME and row not in sheet.base_rows:
                continue  # a new row's competency name is only a reminder (see _family)
            value = sheet.mine.value(row, column)
            exported = sheet.exported(row, column)
            now = sheet.current(row, column, known)
            cell = sheet.cell(row, column)
            if fingerprint(value) == exported:
                if now is not MISSING and fingerprint(now) != exported and sheet.title != layout.ABOUT:
                    kept.append(f"{cell}: kept the newer value in {cells.location(sheet.title, row, column)}")
                continue
            if now is not MISSING and normal(now) == value:
                continue
            if now is MISSING:
                cells.refuse(
                    cell,
                    "changed here, but what this cell was exported for is no longer in data/ (removed or renamed since the export): "
                    "export the workbook again and redo the change there",
                )
            elif fingerprint(now) != exported:
                cells.refuse(
                    cell,
                    f"changed here (to '{short(value)}') and in {cells.location(sheet.title, row, column)} since this workbook "
                    f"was exported (to '{short(now)}'): keep one: type the file's value here, or export again and redo your change",
                )
            else:
                yield row, column, value, cell


def _removed(sheet: _Sheet, cells: Cells, instead: dict[str, tuple[str, str]]) -> set[str]:
    """Report each exported row of a list sheet whose id is gone (changed, or the row deleted); return the ids that replace one.

    An id changed in its cell reads as a row gone and a row added: the new
    id found where the old one was exported is that change, not a new record.
    """
    by_cell = {sheet.mine.where(row, "ID"): row for row in sheet.mine.rows}
    replacing = set()
    for row in sorted(sheet.base_rows - set(sheet.mine.rows)):
        if row not in instead:
            continue  # gone from data/ too
        where = sheet.base.get((row, "ID"), ("A1", ""))[0]
        new = by_cell.get(where)
        renamed, removed = instead[row]
        if new is not None and new not in sheet.base_rows:
            replacing.add(new)
            cells.refuse(f"{sheet.title}!{where}", f"'{row}' was changed to '{new}': {renamed.replace('<new id>', new)}")
        else:
            cells.refuse(f"{sheet.title}!{where}", f"the row of '{row}' was deleted: {removed}")
    return replacing


class Import:
    """Reading one workbook against the data as it is now."""

    def __init__(self, book: Workbook, guide: Guide, project: Path) -> None:
        self.book = book
        self.guide = guide
        self.problems = Problems()
        self.sources = Sources(project)
        self.cells = Cells(guide, self.sources, self.problems)
        self.kept: list[str] = []

    def read(self) -> Found:
        about = self.book[layout.ABOUT] if layout.ABOUT in self.book.sheetnames else None
        marked = about[layout.FORMAT_CELL].value if about is not None else None
        recorded = read_exported(about) if about is not None and marked == layout.FORMAT else {}
        if marked != layout.FORMAT or not recorded:
            self.problems.add(
                layout.ABOUT,
                layout.FORMAT_CELL,
                f"this workbook was not made by this guide's `make export` (format {marked or 'none'}, expected {layout.FORMAT}), "
                "or has lost its record of what was exported: export a new one and copy your changes into it",
            )
            return Found([], self.problems.found, [])
        assert about is not None
        expected = list(dict.fromkeys(sheet for sheet, _, _ in recorded))
        for name in expected:
            if name not in self.book.sheetnames:
                self.problems.add(name, "A1", "the sheet is missing: export the workbook again and copy your changes into it")
        for sheet in self.book.worksheets:
            if sheet.title not in expected:
                self.problems.add(
                    sheet.title, "A1", "this sheet is not part of the guide's workbook: remove it (keep notes in another file)"
                )
            for merged in sheet.merged_cells.ranges:
                self.problems.add(sheet.title, str(merged), "cells are merged: unmerge them, so that each value has its own cell")
        now = grids(workbook(self.guide, record=False), self.guide)
        sheets = {name: self._sheet(name, recorded, now) for name in expected if name in self.book.sheetnames}
        known = set(self.guide.competencies)
        if layout.ABOUT in sheets:
            for _, _, _, cell in _three_way(sheets[layout.ABOUT], self.cells, known, self.kept):
                self.cells.refuse(cell, "this sheet explains the workbook, and nothing typed here is taken back: undo the change")
        if layout.OPPORTUNITIES in sheets:
            self._opportunities(sheets[layout.OPPORTUNITIES])
        if layout.COMPETENCIES in sheets:
            self._competencies(sheets[layout.COMPETENCIES])
        known |= set(self.cells.new_competencies)
        if layout.ROLES in sheets:
            self._roles(sheets[layout.ROLES], known)
        misplaced: set[str] = set()
        for part in sheets.values():
            if part.family:
                self._family(part, known, misplaced)
        for ident, new in self.cells.new_roles.items():
            if ident not in misplaced:
                self.cells.add_new_role(new)
        if layout.QUESTIONS in sheets:
            self._questions(sheets[layout.QUESTIONS], known)
        edits, disagreements = self._distinct(self.cells.edits)
        return Found(edits, self.problems.found + disagreements, self.kept)

    def _sheet(self, name: str, recorded: Recorded, now: dict[str, Grid]) -> _Sheet:
        sheet = self.book[name]
        if name == layout.ABOUT:
            mine = read_about(sheet, self.problems)
        elif name == layout.ROLES:
            mine = read_list(sheet, layout.ROLE_COLUMNS, "role", self.problems)
        elif name == layout.QUESTIONS:
            mine = read_list(sheet, layout.QUESTION_COLUMNS, "question", self.problems)
        elif name == layout.OPPORTUNITIES:
            mine = read_list(sheet, layout.OPPORTUNITY_COLUMNS, "opportunity", self.problems)
        elif name == layout.COMPETENCIES:
            steps = sorted(
                {column for (title, _, column) in recorded if title == name and column.startswith(layout.STEP)},
                key=lambda column: int(column.removeprefix(layout.STEP)),
            )
            mine = read_list(sheet, (*layout.COMPETENCY_COLUMNS, *steps), "competency", self.problems)
        else:
            mine = read_family(sheet, self.problems)
        return _Sheet(name, mine, recorded, now.get(name))

    def _instead(self, kind: str) -> dict[str, tuple[str, str]]:
        """For each record of `kind` still in the data: how its id is changed instead, and how it is removed."""
        guide = self.guide
        if kind == layout.ROLES:
            return {
                role.id: (
                    f"a role's id is changed with `make rename KIND=role OLD={role.id} NEW=<new id>`, which keeps its old address working",
                    f"a role is removed with `make delete ID={role.id}` (it lists what points to it), "
                    f"then by deleting its block from {role.origin.path}:{role.origin.line}",
                )
                for role in guide.roles.values()
            }
        if kind == layout.COMPETENCIES:
            return {
                c.id: (
                    f"a competency's id is changed with `make rename KIND=competency OLD={c.id} NEW=<new id>`",
                    f"a competency is removed from {c.origin.path}:{c.origin.line}, after taking it out of every role's skills "
                    "(`make check` lists them)",
                )
                for c in guide.competencies.values()
            }
        return {
            q.id: (
                f"a question's id is changed in {q.origin.path}:{q.origin.line}, and in the worksheets that list it",
                f"a question is removed from {q.origin.path}:{q.origin.line} (`make check` then names the worksheets that still list it)",
            )
            for q in guide.questions.values()
        }

    def _roles(self, sheet: _Sheet, known: set[str]) -> None:
        replacing = _removed(sheet, self.cells, self._instead(layout.ROLES))
        for row, column, value, cell in _three_way(sheet, self.cells, known, self.kept):
            self.cells.role_cell(self.guide.roles[row], column, value, cell)
        for row in sheet.new_rows():
            if row not in replacing:
                values = dict(sheet.mine.row_values(row))
                self.cells.new_role(values, {column: sheet.cell(row, column) for column in sheet.mine.columns})

    def _competencies(self, sheet: _Sheet) -> None:
        replacing = _removed(sheet, self.cells, self._instead(layout.COMPETENCIES))
        for row, column, value, cell in _three_way(sheet, self.cells, set(), self.kept):
            self.cells.competency_cell(self.guide.competencies[row], column, value, cell)
        widest = len([column for column in sheet.mine.columns if column.startswith(layout.STEP)])
        for row in sheet.new_rows():
            if row not in replacing:
                values = dict(sheet.mine.row_values(row))
                self.cells.new_competency(values, {column: sheet.cell(row, column) for column in sheet.mine.columns}, widest)

    def _questions(self, sheet: _Sheet, known: set[str]) -> None:
        replacing = _removed(sheet, self.cells, self._instead(layout.QUESTIONS))
        for row, column, value, cell in _three_way(sheet, self.cells, known, self.kept):
            self.cells.question_cell(row, column, value, cell)
        for row in sheet.new_rows():
            if row not in replacing:
                values = dict(sheet.mine.row_values(row))
                self.cells.new_question(values, {column: sheet.cell(row, column) for column in sheet.mine.columns})

    def _opportunities(self, sheet: _Sheet) -> None:
        """The Opportunities sheet is for reading: each cell changed, row added or row deleted is refused, naming where to edit instead."""
        opportunities = self.guide.opportunities
        file = next(iter(opportunities.values())).origin.path if opportunities else "data/opportunities.yml"

        def entry(ident: str) -> str:
            found = opportunities.get(ident)
            return f"{found.origin.path}:{found.origin.line}" if found else file

        for row in sheet.mine.rows:
            if row not in sheet.base_rows:
                self.cells.refuse(
                    sheet.cell(row, "ID"),
                    f"this sheet is for reading, and rows added here are not taken back: add the opportunity to {file}, "
                    "then clear this row",
                )
                continue
            for column in sheet.mine.columns:
                if fingerprint(sheet.mine.value(row, column)) != sheet.exported(row, column):
                    self.cells.refuse(
                        sheet.cell(row, column),
                        f"this sheet is for reading, and nothing typed here is taken back: change the opportunity in {entry(row)}, "
                        "then undo the change here",
                    )
        for row in sorted(sheet.base_rows - set(sheet.mine.rows)):
            where = sheet.base.get((row, "ID"), ("A1", ""))[0]
            self.cells.refuse(
                f"{sheet.title}!{where}",
                f"the row of '{row}' was deleted, but this sheet is for reading: an opportunity is removed from {entry(row)}",
            )

    def _family(self, sheet: _Sheet, known: set[str], misplaced: set[str]) -> None:
        family = self.cells.families_by_sheet.get(sheet.title)
        names = {**{c.id: c.name for c in self.guide.competencies.values()}}
        names.update({ident: new.competency.name for ident, new in self.cells.new_competencies.items()})
        self._family_removed(sheet, names)
        for row, column, value, cell in _three_way(sheet, self.cells, known, self.kept):
            if row in (layout.FAMILY_IDS, layout.FAMILY_TITLES) and column in (layout.FAMILY_NAME, layout.FAMILY_ID):
                self.cells.refuse(cell, "this heading is part of the workbook's layout: leave it as exported")
            elif row == layout.FAMILY_TITLES:
                self.cells.title_cell(self.guide.roles[column], value, cell)
            elif column == layout.FAMILY_NAME:
                self.cells.refuse(cell, f"a competency's name is changed on the Competencies sheet, in its row ({row})")
            else:
                self.cells.skill_cell(self.guide.roles[column], row, value, cell)
        for row in sheet.new_rows():
            if row not in known:
                self.cells.refuse(
                    sheet.cell(row, layout.FAMILY_ID),
                    f"'{row}' is not the id of a competency: use one from the Competencies sheet (or add it there, in a new row)",
                )
                continue
            name = sheet.mine.value(row, layout.FAMILY_NAME)
            if name is not None and str(name) != names.get(row):
                self.cells.refuse(
                    sheet.cell(row, layout.FAMILY_NAME),
                    f"this row is for {names.get(row)} (its id is in column B): leave its name as that, or empty",
                )
        for column in sheet.mine.columns:
            if column in sheet.base_columns or column in (layout.FAMILY_NAME, layout.FAMILY_ID):
                continue
            self._new_column(sheet, family, column, known, misplaced)

    def _family_removed(self, sheet: _Sheet, names: dict[str, str]) -> None:
        family = self.cells.families_by_sheet.get(sheet.title)
        by_cell = {sheet.mine.where(row, layout.FAMILY_ID): row for row in sheet.mine.rows}
        for row in sorted(sheet.base_rows - set(sheet.mine.rows)):
            where = sheet.base.get((row, layout.FAMILY_ID), ("B1", ""))[0]
            new = by_cell.get(where)
            name = names.get(row, row)
            if new is not None and new not in sheet.base_rows:
                self.cells.refuse(
                    f"{sheet.title}!{where}",
                    f"'{new}' replaces '{row}' in column B: to stop the roles expecting {name}, empty its cells; to have them "
                    f"expect '{new}', add a row for it below; a competency is renamed with `make rename KIND=competency`",
                )
            elif row in names and family is not None:
                self.cells.refuse(
                    f"{sheet.title}!{where}",
                    f"the row of {name} was deleted: to stop the roles of {family.name} expecting it, empty its cells",
                )
        by_column = {sheet.mine.where(layout.FAMILY_IDS, column): column for column in sheet.mine.columns}
        for column in sorted(sheet.base_columns - set(sheet.mine.columns)):
            role = self.guide.roles.get(column)
            if role is None:
                continue
            where = sheet.base.get((layout.FAMILY_IDS, column), ("C1", ""))[0]
            new = by_column.get(where)
            if new is not None and new not in sheet.base_columns:
                self.cells.refuse(
                    f"{sheet.title}!{where}",
                    f"'{column}' was changed to '{new}': a role's id is changed with "
                    f"`make rename KIND=role OLD={column} NEW={new}`, which keeps its old address working",
                )
                sheet.base_columns.add(new)  # not a new role's column as well
            else:
                self.cells.refuse(
                    f"{sheet.title}!{where}",
                    f"the column of {role.title} was deleted: a role is removed with `make delete ID={role.id}` "
                    f"(it lists what points to it), then by deleting its block from {role.origin.path}:{role.origin.line}",
                )

    def _new_column(self, sheet: _Sheet, family: Family | None, column: str, known: set[str], misplaced: set[str]) -> None:
        heading = sheet.cell(layout.FAMILY_IDS, column)
        new = self.cells.new_roles.get(column)
        if new is None:
            role = self.guide.roles.get(column)
            if role is not None:
                other = self.guide.family_of(role)
                self.cells.refuse(
                    heading,
                    f"'{column}' is a role of {other.name}: the steps it expects are on the {layout.family_sheet(other.name)} sheet"
                    if other is not family
                    else f"'{column}' was added to {role.origin.path}:{role.origin.line} since this workbook was exported: "
                    "export the workbook again and redo this column",
                )
            else:
                self.cells.refuse(
                    heading,
                    f"'{column}' is not a role: add it on the Roles sheet (a new row with its id, title, family and level), "
                    "or correct the id",
                )
            return
        if new.family is not family:
            misplaced.add(column)
            self.cells.refuse(
                heading,
                f"the new role '{column}' is in {new.family.name} ({new.cell}): its column goes on the "
                f"{layout.family_sheet(new.family.name)} sheet",
            )
            return
        title = sheet.mine.value(layout.FAMILY_TITLES, column)
        if title is not None and title != new.record["title"]:
            self.cells.refuse(
                sheet.cell(layout.FAMILY_TITLES, column),
                f"the new role's title is '{new.record['title']}' on the Roles sheet ({new.row_cells['Title']}): "
                "make them the same, or leave this cell empty",
            )
        for row in sheet.mine.rows:
            if row in known:
                self.cells.new_skill(new, row, sheet.mine.value(row, column), sheet.cell(row, column))

    @staticmethod
    def _distinct(edits: list[Edit]) -> tuple[list[Edit], list[str]]:
        """Each value changed once: two cells that show one value (a title on Roles and on a family's sheet) must agree."""
        chosen: dict[tuple[str, tuple[object, ...]], Edit] = {}
        distinct, problems = [], []
        for edit in edits:
            key = (edit.display, edit.change.at)
            first = chosen.setdefault(key, edit) if edit.change.action != "append" else edit
            if first is edit:
                distinct.append(edit)
            elif (first.change.action, first.change.value) != (edit.change.action, edit.change.value):
                problems.append(f"{edit.cell}: this cell and {first.cell} give one value two ways: make them the same, or undo one")
        return distinct, problems


def read_edits(book: Workbook, guide: Guide, project: Path) -> Found:
    """The edits the workbook asks for, every mistake in it (each as `Sheet!CELL: message`), and the cells that kept newer data."""
    return Import(book, guide, project).read()


class Spans:
    """Where each edit's text is in a file as it is being changed, to name the cell behind a problem found in it."""

    def __init__(self) -> None:
        self.spans: dict[Path, list[tuple[int, int, str]]] = {}
        self.written: dict[Path, list[tuple[int, int, int]]] = {}

    def original(self, path: Path, line: int) -> int:
        """The line of the file as it is now that `line` of the changed text comes from (or where it was added)."""
        for first, removed, added in reversed(self.written.get(path, [])):
            if line >= first + added:
                line -= added - removed
            elif line >= first:
                line = first
        return line

    def add(self, path: Path, line: int, removed: int, added: int, cell: str) -> None:
        self.written.setdefault(path, []).append((line, removed, added))
        shift = added - removed
        spans = [
            (first + shift, last + shift, owner) if first >= line + removed else (first, last, owner)
            for first, last, owner in self.spans.get(path, [])
            if not line <= first < line + removed
        ]
        if added:
            spans.append((line, line + added - 1, cell))
        self.spans[path] = spans

    def cell(self, path: Path, line: int) -> str | None:
        around = [(last - first, owner) for first, last, owner in self.spans.get(path, []) if first <= line <= last]
        return min(around)[1] if around else None


def changed_files(edits: list[Edit], sources: Sources) -> tuple[dict[Path, str], Spans, list[str]]:
    """Each file's new text with `edits` made, where each edit went, and the edits that cannot be made as text."""
    texts: dict[Path, str] = {}
    spans = Spans()
    problems = []
    for edit in edits:
        path = sources.path(edit.display)
        text = texts[path] if path in texts else sources.text(edit.display)
        try:
            texts[path], written = apply(text, edit.change)
        except (NotEditable, yaml.YAMLError) as error:
            problems.append(
                f"{edit.cell}: {edit.display}:{edit.line} is written in a form the workbook cannot change ({error}): "
                "change it in the file itself"
            )
            continue
        spans.add(path, written.line, written.removed, written.added, edit.cell)
    return texts, spans, problems


def check_changed_data(data_dir: Path, texts: dict[Path, str], spans: Spans) -> list[str]:
    """The problems `make check` finds in the data with the changes made (in a copy), each at its cell when an edit caused it."""
    found = []
    for problem in problems_after(data_dir, texts):
        path = data_dir.parent / problem.path
        cell = spans.cell(path, problem.line)
        line = spans.original(path, problem.line)
        found.append(f"{cell}: {problem.message}" if cell else f"{problem.path}:{line}: {problem.message} (with the workbook's changes)")
    return found


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    apply_changes = "--apply" in arguments
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
    found = read_edits(book, guide, project)
    problems = list(found.problems)
    texts: dict[Path, str] = {}
    if not problems:
        texts, spans, unwritable = changed_files(found.edits, Sources(project))
        problems += unwritable
        if not problems and texts:
            problems += check_changed_data(data_dir, texts, spans)
    if problems:
        print(f"{source} has {len(problems)} problem{'s' if len(problems) > 1 else ''}; nothing was written:", file=sys.stderr)
        print("\n".join(problems), file=sys.stderr)
        return 1
    if found.kept:
        print(f"Kept the newer data for {len(found.kept)} cell{'s' if len(found.kept) > 1 else ''} changed in data/ since the export:")
        print("\n".join(f"  {line}" for line in found.kept))
    edits = found.edits
    if not edits:
        print(f"{source} changes nothing in data/: every cell is as exported{' or as data/ has it now' if found.kept else ''}.")
        return 0
    print(f"{len(edits)} change{'s' if len(edits) > 1 else ''} in {source}:")
    for edit in edits:
        print(f"  {edit.cell}: {edit.what} ({edit.display}:{edit.line})")
    if not apply_changes:
        print("Nothing is written yet: run again with APPLY=1 to write these changes to data/.")
        return 0
    write_all(texts)
    print(f"Wrote {len(edits)} change{'s' if len(edits) > 1 else ''} to {len(texts)} file{'s' if len(texts) > 1 else ''} in data/.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
