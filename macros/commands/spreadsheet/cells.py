"""What a changed cell of the workbook means for data/: the YAML change it asks for, or why it is refused.

Every sheet has cells HR may change (tinted and unlocked), cells they may not
(locked: ids, a role's family, a competency's scale, headings), and empty rows
(and, on a family's sheet, columns) for new records. `Cells` turns one changed
cell into an `Edit` of one value, or a refusal at the cell saying where the
change is made instead; a new row becomes a record appended to its file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NamedTuple

from ...loading.problems import line_of
from ...loading.yaml_reader import load_yaml_file
from ...model.guide import IMPLICIT_SCALE, Competency, Family, Guide, Origin, Role, Scale, Step
from . import layout
from .edits import Change, where
from .grid import Problems


class Edit(NamedTuple):
    """One change to one data file, asked for by one cell (or row) of the workbook."""

    display: str
    """The file, as messages name it: data/career_paths/engineering.yml."""
    change: Change
    cell: str
    """Where the workbook asks for it: Roles!B5."""
    what: str
    """The change in words: "Senior Engineer, title: Senior Engineer → Senior Software Engineer"."""
    line: int
    """The line of the file it concerns, as the file is now."""


class Sources:
    """The YAML files behind the guide, read once: records, their positions in their lists, and their lines."""

    def __init__(self, project: Path) -> None:
        self.project = project
        self._content: dict[str, Any] = {}
        self._text: dict[str, str] = {}

    def path(self, display: str) -> Path:
        return self.project / display

    def content(self, display: str) -> Any:
        if display not in self._content:
            self._content[display], _ = load_yaml_file(self.path(display), display)
        return self._content[display]

    def text(self, display: str) -> str:
        if display not in self._text:
            self._text[display] = self.path(display).read_text(encoding="utf-8")
        return self._text[display]

    def index(self, display: str, collection: str, ident: str) -> int:
        return next(number for number, item in enumerate(self.content(display)[collection]) if item.get("id") == ident)

    def record(self, display: str, collection: str, ident: str) -> Any:
        return self.content(display)[collection][self.index(display, collection, ident)]


def short(value: object, limit: int = 60) -> str:
    """A value on one line, cut to `limit` characters, for messages."""
    text = " ".join(str(value).split()) if value is not None else "(empty)"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def id_list(value: object) -> list[str]:
    """Ids typed in one cell, separated by commas (or spaces, semicolons or line breaks)."""
    return [part for part in re.split(r"[,;\s]+", str(value)) if part] if value is not None else []


def step_cell(name: str, text: str | None) -> str:
    """A step of a competency as the Competencies sheet shows it: "Working knowledge: what it looks like"."""
    if not text:
        return f"{name}:"
    return f"{name}:\n{text}" if "\n" in text else f"{name}: {text}"


def _step_text(value: object, name: str) -> str | None:
    """What a Competencies step cell says after its step's name; None when it does not start with the name."""
    head, colon, rest = str(value).partition(":")
    return rest.strip() if colon and head.strip().casefold() == name.casefold() else None


def _statements(text: str) -> list[str] | None:
    """The statements of a cell written as a list ("- one" a line), or None when it is prose."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if lines and all(line[:2] in ("- ", "* ", "• ") for line in lines):
        return [line[2:].strip() for line in lines]
    return None


def _level(text: str) -> object:
    """A new competency's level from its cell: a descriptor, or statements."""
    statements = _statements(text)
    return {"statements": statements} if statements else text


class NewRole(NamedTuple):
    """A role added on the Roles sheet, waiting for its skills from its family's sheet."""

    record: dict[str, object]
    family: Family
    cell: str
    row_cells: dict[str, str]


class NewCompetency(NamedTuple):
    competency: Competency
    cell: str


MISSING = object()
"""The data no longer has the record a cell was exported for."""


class Cells:
    """The meaning of the workbook's cells, for one guide and its files."""

    def __init__(self, guide: Guide, sources: Sources, problems: Problems) -> None:
        self.guide = guide
        self.sources = sources
        self.problems = problems
        self.edits: list[Edit] = []
        self.new_roles: dict[str, NewRole] = {}
        self.new_competencies: dict[str, NewCompetency] = {}
        company = self.sources.content("data/company.yml") if self.sources.path("data/company.yml").is_file() else None
        self.grades: dict[str, int] = dict(company.get("grades", {})) if isinstance(company, dict) else {}
        """Grade codes a role's level may be written as (data/company.yml)."""
        self.families_by_sheet = {layout.family_sheet(family.name): family for family in guide.families}
        self.catalogue = next((c.origin.path for c in guide.competencies.values()), "data/competencies.yml")

    # Recording what was found.

    def refuse(self, cell: str, message: str) -> None:
        sheet, _, where_ = cell.partition("!")
        self.problems.add(sheet, where_, message)

    def edit(self, display: str, change: Change, cell: str, what: str) -> None:
        self.edits.append(Edit(display, change, cell, what, where(self.sources.text(display), change)))

    # Where each cell's value is written.

    def _role_at(self, role: Role) -> tuple[Any, tuple[str | int, ...]]:
        index = self.sources.index(role.origin.path, "roles", role.id)
        return self.sources.content(role.origin.path)["roles"][index], ("roles", index)

    def _competency_at(self, competency: Competency) -> tuple[Any, tuple[str | int, ...]]:
        index = self.sources.index(competency.origin.path, "competencies", competency.id)
        return self.sources.content(competency.origin.path)["competencies"][index], ("competencies", index)

    def location(self, sheet: str, row: str, column: str) -> str:
        """`data/file.yml:LINE` of the value a cell shows, for messages."""
        if sheet == layout.ROLES and row in self.guide.roles:
            role = self.guide.roles[row]
            return f"{role.origin.path}:{line_of(self._role_at(role)[0], column.lower())}"
        if sheet == layout.COMPETENCIES and row in self.guide.competencies:
            competency = self.guide.competencies[row]
            record, _ = self._competency_at(competency)
            if column.startswith(layout.STEP) and "levels" in record:
                return f"{competency.origin.path}:{line_of(record['levels'], int(column.removeprefix(layout.STEP)) - 1)}"
            return f"{competency.origin.path}:{line_of(record, column.lower())}"
        if sheet == layout.QUESTIONS and row in self.guide.questions:
            question = self.guide.questions[row]
            record = self.sources.record(question.origin.path, "questions", question.id)
            return f"{question.origin.path}:{line_of(record, column.lower())}"
        if column == layout.FAMILY_NAME and row in self.guide.competencies:
            competency = self.guide.competencies[row]
            return f"{competency.origin.path}:{line_of(self._competency_at(competency)[0], 'name')}"
        if column in self.guide.roles:
            role = self.guide.roles[column]
            record, _ = self._role_at(role)
            skills = record.get("skills", {})
            line = line_of(skills, row) if row in skills else line_of(record, "title" if row == layout.FAMILY_TITLES else "skills")
            return f"{role.origin.path}:{line}"
        return "data/"

    # Existing rows of the list sheets.

    def role_cell(self, role: Role, column: str, value: object, cell: str) -> None:
        record, at = self._role_at(role)
        display, family = role.origin.path, self.guide.family_of(role)
        if column == "Family":
            self.refuse(
                cell,
                f"a role moves to another family in the YAML: `make move ID={role.id} FAMILY=<family id>` lists what changes, "
                f"then move its block from {display}:{line_of(record, 'id')} to the other family's file",
            )
        elif column in ("Title", "Level") and value is None:
            self.refuse(cell, f"the {column.lower()} of {role.title} is empty: every role needs one")
        elif column == "Title":
            self.edit(display, Change((*at, "title"), value), cell, f"{role.title}, title: {role.title} → {value}")
        elif column == "Level":
            level = self.level(value, cell, example=role.grade or role.level)
            if level is not None:
                self.edit(display, Change((*at, "level"), level), cell, f"{role.title}, level: {role.level_label} → {level}")
        elif column == "Track":
            track = self.track(family, value, cell)
            if track is not None:
                self.edit(display, Change((*at, "track"), track, after=("level",)), cell, f"{role.title}, track: → {value}")
        elif column == "Summary":
            if value is None:
                self.edit(display, Change((*at, "summary"), action="remove"), cell, f"{role.title}: summary removed")
            else:
                words = "summary added" if role.summary is None else "summary reworded"
                change = Change((*at, "summary"), value, after=("title", "level", "track"))
                self.edit(display, change, cell, f"{role.title}, {words}: {short(value)}")
        elif column in ("Next", "Lateral"):
            key = column.lower()
            ids = id_list(value)
            if key in record or ids:
                after = ("skills", "next") if key == "lateral" else ("skills",)
                self.edit(display, Change((*at, key), ids, after=after), cell, f"{role.title}, {key}: {', '.join(ids) or 'none'}")

    def level(self, value: object, cell: str, example: object = 1) -> int | str | None:
        """A role's level from its cell: a whole number, or a grade code from data/company.yml."""
        if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
            return value
        text = str(value)
        if text.isdigit() and int(text) >= 1:
            return int(text)
        if text in self.grades:
            return text
        grades = f", or a grade code: {', '.join(self.grades)}" if self.grades else ""
        self.refuse(cell, f"'{value}' is not a level: write a whole number, e.g. {example}{grades}")
        return None

    def track(self, family: Family, value: object, cell: str) -> str | None:
        """The id of a track of `family` from its name or id."""
        if not family.tracks:
            self.refuse(
                cell,
                f"{family.name} has no tracks: leave the cell empty, or list the family's tracks under tracks: in {family.origin.path}",
            )
            return None
        if value is None:
            self.refuse(cell, f"{family.name} has tracks: every role of it needs one ({', '.join(t.name for t in family.tracks)})")
            return None
        wanted = str(value).casefold()
        found = next((t.id for t in family.tracks if wanted in (t.id.casefold(), t.name.casefold())), None)
        if found is None:
            self.refuse(cell, f"'{value}' is not a track of {family.name}: choose one of {', '.join(t.name for t in family.tracks)}")
        return found

    def competency_cell(self, competency: Competency, column: str, value: object, cell: str) -> None:
        record, at = self._competency_at(competency)
        display = competency.origin.path
        if column == "Scale":
            self.refuse(
                cell,
                f"a competency's scale is changed in {display}:{line_of(record, 'id')}, "
                "together with its levels (one per step of the new scale)",
            )
        elif column in ("Name", "Description") and value is None:
            self.refuse(cell, f"the {column.lower()} of {competency.name} is empty: every competency needs one")
        elif column in ("Name", "Description"):
            key = column.lower()
            old = competency.name if key == "name" else competency.description
            self.edit(display, Change((*at, key), value), cell, f"{competency.name}, {key}: {short(old)} → {short(value)}")
        elif column == "Area":
            area = self.area(value, cell)
            if area is not None:
                change = Change((*at, "area"), area, after=("id",))
                self.edit(display, change, cell, f"{competency.name}, area: → {self.guide.areas[area].name}")
        elif column.startswith(layout.STEP):
            self.descriptor_cell(competency, record, at, int(column.removeprefix(layout.STEP)), value, cell)

    def area(self, value: object, cell: str) -> str | None:
        areas = self.guide.areas
        if not areas:
            self.refuse(cell, f"the catalogue has no areas: leave the cell empty, or define areas: in {self.catalogue}")
            return None
        if value is None:
            self.refuse(cell, f"every competency belongs to an area: choose one of {', '.join(a.name for a in areas.values())}")
            return None
        wanted = str(value).casefold()
        found = next((a.id for a in areas.values() if wanted in (a.id.casefold(), a.name.casefold())), None)
        if found is None:
            self.refuse(cell, f"'{value}' is not an area: choose one of {', '.join(a.name for a in areas.values())}")
        return found

    def descriptor_cell(self, competency: Competency, record: Any, at: tuple[str | int, ...], rank: int, value: object, cell: str) -> None:
        display, steps = competency.origin.path, competency.scale.steps
        if rank > len(steps):
            self.refuse(
                cell, f"{competency.name} is measured on {competency.scale.name}, which has {len(steps)} steps: leave this cell empty"
            )
            return
        step = competency.step(rank)
        if "levels" not in record:
            self.refuse(
                cell,
                f"{competency.name} has no descriptors of its own: this is what '{step.name}' means on the scale {competency.scale.name}, "
                f"for every competency on it: change it in {self._step_line(competency.scale, rank)}, "
                f"or write {competency.name}'s own levels in {display}:{line_of(record, 'id')}",
            )
            return
        text = _step_text(value, step.name) if value is not None else ""
        if text is None:
            self.refuse(
                cell,
                f"start the cell with the step's name, '{step.name}:', then what {competency.name} looks like at that step "
                f"(step names are the scale's, changed in {competency.scale.origin.path})",
            )
            return
        level = record["levels"][rank - 1]
        where_ = f"{display}:{line_of(record['levels'], rank - 1)}"
        if isinstance(level, str) or "statements" in level:
            if not text:
                self.refuse(cell, f"what {competency.name} looks like at {step.name} is empty: write it (or leave it out in {where_})")
                return
            statements = _statements(text) or [line.strip() for line in text.split("\n") if line.strip()]
            path = (*at, "levels", rank - 1) if isinstance(level, str) else (*at, "levels", rank - 1, "statements")
            change = Change(path, text if isinstance(level, str) else statements)
        elif not text:
            change = Change((*at, "levels", rank - 1, "descriptor"), action="remove")
        else:
            change = Change((*at, "levels", rank - 1, "descriptor"), text)
        words = f"reworded: {short(text)}" if text else "descriptor removed"
        self.edit(display, change, cell, f"{competency.name} at {step.name}, {words}")

    def _step_line(self, scale: Scale, rank: int) -> str:
        """`data/competencies.yml:LINE` of a scale's step: its description, or its name when it has none."""
        content = self.sources.content(scale.origin.path)
        record = next((s for s in content.get("scales", ()) if s.get("id") == scale.id), None)
        if record is None:
            return f"{scale.origin.path}:{scale.origin.line}"
        step = record["steps"][rank - 1]
        return f"{scale.origin.path}:{line_of(step, 'description' if 'description' in step else 'name')}"

    def question_cell(self, question_id: str, column: str, value: object, cell: str) -> None:
        question = self.guide.questions[question_id]
        display = question.origin.path
        index = self.sources.index(display, "questions", question.id)
        record, at = self.sources.content(display)["questions"][index], ("questions", index)
        if column == "Bank":
            self.refuse(
                cell,
                f"a question moves to another bank by moving its lines from {display}:{line_of(record, 'id')} to that bank's file",
            )
        elif column == "Text":
            if value is None:
                self.refuse(cell, "the question's text is empty: every question needs one")
            else:
                self.edit(display, Change((*at, "text"), value), cell, f"question {question.id}: {question.text} → {value}")
        elif column == "Topic":
            change = Change((*at, "topic"), value, after=("id",)) if value is not None else Change((*at, "topic"), action="remove")
            self.edit(display, change, cell, f"question {question.id}, topic: {question.topic or 'none'} → {value or 'none'}")
        else:
            key = column.lower()
            ids = id_list(value)
            change = Change((*at, key), ids, after=("text",)) if ids else Change((*at, key), action="remove")
            if ids or key in record:
                self.edit(display, change, cell, f"question {question.id}, {key}: {', '.join(ids) or 'none'}")

    # A family's sheet.

    def steps_of(self, competency_id: str) -> Scale | None:
        """The scale of a competency, existing or added on the Competencies sheet."""
        if competency_id in self.guide.competencies:
            return self.guide.competencies[competency_id].scale
        if competency_id in self.new_competencies:
            return self.new_competencies[competency_id].competency.scale
        return None

    def _step(self, competency_id: str, value: object, cell: str) -> tuple[Scale, int] | None:
        scale = self.steps_of(competency_id)
        if scale is None:
            self.refuse(cell, f"'{competency_id}' is not the id of a competency: use one from the Competencies sheet")
            return None
        name = self._name(competency_id)
        rank = scale.rank_of(value if isinstance(value, int) else str(value))
        if rank is None:
            steps = ", ".join(step.name for step in scale.steps)
            self.refuse(cell, f"'{value}' is not a step of {name}: choose one of {steps} (or leave the cell empty)")
            return None
        return scale, rank

    def _name(self, competency_id: str) -> str:
        if competency_id in self.guide.competencies:
            return self.guide.competencies[competency_id].name
        return self.new_competencies[competency_id].competency.name

    def skill_form(self, display: str) -> type:
        """How a family's file writes expected steps: by number (int) or by name (str), as its first role does."""
        for role in self.sources.content(display).get("roles", []):
            for written in (role.get("skills") or {}).values():
                level = written.get("level") if isinstance(written, dict) else written
                return int if isinstance(level, int) else str
        return str

    def skill_cell(self, role: Role, competency_id: str, value: object, cell: str) -> None:
        record, at = self._role_at(role)
        display, skills = role.origin.path, record.get("skills", {})
        written = skills.get(competency_id)
        if value is None:
            if written is None:
                return
            if isinstance(written, dict) and ("statements" in written or "examples" in written):
                self.refuse(
                    cell,
                    f"{role.title} says what {self._name(competency_id)} means for the role, in "
                    f"{display}:{line_of(skills, competency_id)}: to stop expecting it, remove its statements and examples there",
                )
                return
            change = Change((*at, "skills", competency_id), action="remove")
            self.edit(display, change, cell, f"{role.title} no longer expects {self._name(competency_id)}")
            return
        found = self._step(competency_id, value, cell)
        if found is None:
            return
        scale, rank = found
        step = scale.steps[rank - 1]
        if written is None:
            form = self.skill_form(display)
            change = Change((*at, "skills", competency_id), rank if form is int else step.name)
            self.edit(display, change, cell, f"{role.title} now expects {self._name(competency_id)}: {step.name}")
            return
        holder, path = (
            (written, (*at, "skills", competency_id, "level")) if isinstance(written, dict) else (skills, (*at, "skills", competency_id))
        )
        old = holder["level"] if isinstance(written, dict) else written
        was = role.skills.get(competency_id)
        was_name = scale.steps[was - 1].name if was else str(old)
        self.edit(
            display,
            Change(path, rank if isinstance(old, int) else step.name),
            cell,
            f"{role.title}, {self._name(competency_id)}: {was_name} → {step.name}",
        )

    def title_cell(self, role: Role, value: object, cell: str) -> None:
        if value is None:
            self.refuse(cell, f"the title of {role.title} is empty: every role needs one")
            return
        _, at = self._role_at(role)
        self.edit(role.origin.path, Change((*at, "title"), value), cell, f"{role.title}, title: {role.title} → {value}")

    # New rows.

    def new_role(self, values: dict[str, object], cells: dict[str, str]) -> None:
        ident, first = str(values["ID"]), cells["ID"]
        if ident in self.guide.roles:
            other = self.guide.roles[ident]
            self.refuse(
                first,
                f"a role '{ident}' already exists ({other.origin.path}:{other.origin.line}): choose another id "
                "(if it was added to the data since this workbook was exported, export the workbook again)",
            )
            return
        missing = [column for column in ("Title", "Family", "Level") if values.get(column) is None]
        for column in missing:
            self.refuse(cells[column], f"the new role '{ident}' needs its {column.lower()}")
        family = self.family(values.get("Family"), cells["Family"]) if "Family" not in missing else None
        level = self.level(values["Level"], cells["Level"]) if "Level" not in missing else None
        if missing or family is None or level is None:
            return
        record: dict[str, object] = {"id": ident, "title": values["Title"], "level": level}
        if family.tracks or values.get("Track") is not None:
            track = self.track(family, values.get("Track"), cells["Track"])
            if track is None:
                return
            record["track"] = track
        if values.get("Summary") is not None:
            record["summary"] = values["Summary"]
        record["skills"] = {}
        for column in ("Next", "Lateral"):
            if ids := id_list(values.get(column)):
                record[column.lower()] = ids
        self.new_roles[ident] = NewRole(record, family, first, cells)

    def family(self, value: object, cell: str) -> Family | None:
        wanted = str(value).casefold()
        found = next(
            (f for f in self.guide.families if wanted in (f.id.casefold(), f.name.casefold(), layout.family_sheet(f.name).casefold())),
            None,
        )
        if found is None:
            names = ", ".join(f.name for f in self.guide.families)
            self.refuse(
                cell,
                f"'{value}' is not a job family: choose one of {names} (a new family is a new file in data/career_paths/)",
            )
        return found

    def add_new_role(self, new: NewRole) -> None:
        record, family = new.record, new.family
        skills = record["skills"]
        assert isinstance(skills, dict)
        if not skills:
            sheet = layout.family_sheet(family.name)
            self.refuse(
                new.cell,
                f"say what the new role '{record['id']}' expects: on the {sheet} sheet, put its id in row 1 of an empty column "
                "and choose a step for each competency it needs",
            )
            return
        display = family.origin.path
        level = record["level"]
        words = f"Level {level}" if isinstance(level, int) else level
        self.edit(
            display,
            Change(("roles",), record, action="append"),
            new.cell,
            f"new role {record['title']} ({family.name}, {words}), expecting {len(skills)} "
            + ("competency" if len(skills) == 1 else "competencies"),
        )

    def new_skill(self, new: NewRole, competency_id: str, value: object, cell: str) -> None:
        if value is None:
            return
        found = self._step(competency_id, value, cell)
        if found is None:
            return
        scale, rank = found
        skills = new.record["skills"]
        assert isinstance(skills, dict)
        skills[competency_id] = rank if self.skill_form(new.family.origin.path) is int else scale.steps[rank - 1].name

    def new_competency(self, values: dict[str, object], cells: dict[str, str], widest: int) -> None:
        ident, first = str(values["ID"]), cells["ID"]
        if ident in self.guide.competencies:
            other = self.guide.competencies[ident]
            self.refuse(
                first,
                f"a competency '{ident}' already exists ({other.origin.path}:{other.origin.line}): choose another id "
                "(if it was added to the data since this workbook was exported, export the workbook again)",
            )
            return
        missing = [column for column in ("Name", "Description") if values.get(column) is None]
        for column in missing:
            self.refuse(cells[column], f"the new competency '{ident}' needs its {column.lower()}")
        area = self.area(values.get("Area"), cells["Area"]) if self.guide.areas or values.get("Area") is not None else None
        scale, named = self.scale(values.get("Scale"), cells["Scale"])
        # Without a scale, steps are named by number, as a catalogue without scales: names them.
        names = [step.name for step in scale.steps] if scale else [f"Level {rank}" for rank in range(1, widest + 1)]

        def own(rank: int, text: object) -> str | None:
            """A step cell's descriptor, without the step's name it may start with (as exported); None when nothing is written."""
            if text is None:
                return None
            stripped = _step_text(text, names[rank - 1]) if rank <= len(names) else None
            return (str(text) if stripped is None else stripped) or None

        texts = [own(rank, values.get(layout.step_column(rank))) for rank in range(1, widest + 1)]
        written = [text for text in texts if text is not None]
        if scale is None and named:
            return
        if scale is None:
            if not written:
                self.refuse(first, f"write what '{ident}' looks like at each level, from Step 1, or define scales: in {self.catalogue}")
                return
            scale = Scale(IMPLICIT_SCALE, "Levels", tuple(Step(n, f"Level {n}", t) for n, t in enumerate(written, 1)), self._origin())
        levels = []
        for rank, text in enumerate(texts, start=1):
            cell = cells.get(layout.step_column(rank), first)
            if rank > len(scale.steps):
                if text is not None:
                    self.refuse(cell, f"the scale {scale.name} has {len(scale.steps)} steps: leave this cell empty")
                continue
            step = scale.steps[rank - 1]
            if text is None:
                if written:
                    self.refuse(cell, f"write what '{ident}' looks like at {step.name} too: one descriptor per step, or none")
                continue
            levels.append(_level(text))
        if missing or (self.guide.areas and area is None):
            return
        record: dict[str, object] = {"id": ident}
        if area is not None:
            record["area"] = area
        record["name"] = values["Name"]
        record["description"] = values["Description"]
        if named and scale.id != IMPLICIT_SCALE:
            record["scale"] = scale.id
        if levels:
            record["levels"] = levels
        competency = Competency(ident, str(values["Name"]), str(values["Description"]), area, scale, (), self._origin())
        self.new_competencies[ident] = NewCompetency(competency, first)
        where_ = f" ({self.guide.areas[area].name})" if area else ""
        self.edit(self.catalogue, Change(("competencies",), record, action="append"), first, f"new competency {values['Name']}{where_}")

    def _origin(self) -> Origin:
        return Origin(self.catalogue, 1)

    def scale(self, value: object, cell: str) -> tuple[Scale | None, bool]:
        """The scale a new competency is measured on (named in its cell, or the default), and whether one was named."""
        scales = self.guide.scales
        if value is not None:
            wanted = str(value).casefold()
            found = next((s for s in scales.values() if wanted in (s.id.casefold(), s.name.casefold())), None)
            if found is None:
                known = ", ".join(s.name for s in scales.values()) or f"none: define scales: in {self.catalogue}"
                self.refuse(cell, f"'{value}' is not a scale: choose one of {known}")
            return found, True
        content = self.sources.content(self.catalogue)
        default = content.get("default_scale") if isinstance(content, dict) else None
        if isinstance(default, str) and default in scales:
            return scales[default], False
        return (next(iter(scales.values())) if len(scales) == 1 else None), False

    def new_question(self, values: dict[str, object], cells: dict[str, str]) -> None:
        ident, first = str(values["ID"]), cells["ID"]
        if ident in self.guide.questions:
            other = self.guide.questions[ident]
            self.refuse(
                first,
                f"a question '{ident}' already exists ({other.origin.path}:{other.origin.line}): choose another id "
                "(if it was added to the data since this workbook was exported, export the workbook again)",
            )
            return
        bank = None
        if values.get("Bank") is None:
            self.refuse(cells["Bank"], f"say which bank the new question '{ident}' belongs to: {', '.join(self.guide.banks)}")
        else:
            wanted = str(values["Bank"]).casefold()
            bank = next((b for b in self.guide.banks.values() if wanted in (b.id.casefold(), b.title.casefold())), None)
            if bank is None:
                self.refuse(cells["Bank"], f"'{values['Bank']}' is not a question bank: choose one of {', '.join(self.guide.banks)}")
        if values.get("Text") is None:
            self.refuse(cells["Text"], f"the new question '{ident}' needs its text")
        if bank is None or values.get("Text") is None:
            return
        record: dict[str, object] = {"id": ident}
        if values.get("Topic") is not None:
            record["topic"] = values["Topic"]
        record["text"] = values["Text"]
        for column in ("Families", "Roles", "Competencies"):
            if ids := id_list(values.get(column)):
                record[column.lower()] = ids
        self.edit(
            bank.origin.path, Change(("questions",), record, action="append"), first, f"new question in {bank.title}: {values['Text']}"
        )
