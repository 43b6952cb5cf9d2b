"""Phase 2: turn each valid file into model records, keeping where each came from.

Every kind is built the same way: each file's id must match its file name and
be unique, then each record inside it must have a unique id. A builder gets
only files that passed phase 1, and returns the records with the YAML they
came from, whose line marks phase 3 uses to point at a reference.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path
from types import MappingProxyType
from typing import Any, Generic, NamedTuple, TypeVar

from markdown.extensions.toc import slugify

from ..model.guide import (
    IMPLICIT_SCALE,
    OPENING,
    PLACEHOLDER,
    Area,
    Company,
    Competency,
    Expectation,
    Family,
    LevelDetail,
    Opportunity,
    Origin,
    Question,
    QuestionBank,
    Reminder,
    Review,
    Role,
    Scale,
    SearchTerm,
    Statement,
    Step,
    Template,
    Track,
    Worksheet,
    WorksheetSection,
    WritingTable,
    is_list_line,
)
from .branding import brand
from .files import DataFile
from .problems import IdRegistry, Problems, line_of, suggest
from .yaml_reader import Located

DEFAULT_WRITING_LINES = 3
DEFAULT_TABLE_ROWS = 5

Record = TypeVar("Record")


class Sourced(NamedTuple, Generic[Record]):
    """A record with the YAML it was built from (for the lines of its references)."""

    record: Record
    source: Any


def _origin(file: DataFile, record: Any) -> Origin:
    return Origin(file.display, record.line if isinstance(record, Located) else 1)


def _date(file: DataFile, record: Any, key: str, problems: Problems) -> datetime.date | None:
    """The date under `key` (its form YYYY-MM-DD checked by the schema), checked to exist; None when there is none."""
    written = record.get(key)
    try:
        return datetime.date.fromisoformat(written) if written else None
    except ValueError:
        problems.add(
            file.display, line_of(record, key), f"'{key}' is {written}, a date that does not exist: write a real date as YYYY-MM-DD"
        )
        return None


def _review(file: DataFile, record: Any, problems: Problems) -> Review:
    """Who looks after `record` and its review dates, each date checked to exist."""
    return Review(record.get("owner"), _date(file, record, "reviewed", problems), _date(file, record, "review_by", problems))


def _unique_files(files: list[DataFile], noun: str, problems: Problems) -> Iterator[tuple[DataFile, Any]]:
    """Each file whose id matches its file name's and is not used by another file of its kind."""
    ids = IdRegistry(noun, problems)
    for file in files:
        data = file.content
        ident = data["id"]
        if file.path.stem != ident:
            problems.add(
                file.display,
                line_of(data, "id"),
                f"id '{ident}' does not match the file name '{file.path.name}': rename the file to "
                f"'{ident}.yml' or change the id to '{file.path.stem}'",
            )
        if ids.claim(ident, file.display, line_of(data, "id")):
            yield file, data


def grades(files: list[DataFile]) -> dict[str, int]:
    """Grade codes roles may use as their level, with their ranks (data/company.yml)."""
    return dict(files[0].content.get("grades", {})) if files else {}


def company(files: list[DataFile], problems: Problems, docs_dir: Path | None = None) -> Company | None:
    """The company; its logo is looked for in `docs_dir` (not at all when None)."""
    if not files:
        return None
    file = files[0]
    data = file.content
    return Company(
        name=data["name"],
        guide_title=data.get("guide_title") or f"{data['name']} Career Guide",
        tagline=data.get("tagline"),
        hr_contact=data.get("hr_contact"),
        repository_url=data.get("repository_url"),
        edit_uri=data.get("edit_uri", "edit/main/"),
        origin=_origin(file, data),
        brand=brand(file.display, data.get("brand"), docs_dir, problems),
        site_url=data.get("site_url"),
        site_url_line=line_of(data, "site_url") if "site_url" in data else None,
    )


class Catalogue(NamedTuple):
    """data/competencies.yml, built: its scales, areas and competencies."""

    scales: dict[str, Scale]
    areas: dict[str, Area]
    competencies: dict[str, Competency]


def catalogue(files: list[DataFile], problems: Problems) -> Catalogue:
    if not files:
        return Catalogue({}, {}, {})
    file = files[0]
    data = file.content
    scales = _scales(file, data, problems)
    default = _default_scale(file, data, scales, problems)
    areas = _areas(file, data, problems)
    ids = IdRegistry("competency", problems, kind="competencies")
    names: dict[tuple[str | None, str], str] = {}
    built: dict[str, Competency] = {}
    for record in data["competencies"]:
        if not ids.claim(record["id"], file.display, line_of(record, "id")):
            continue
        competency = _competency(file, record, scales, default, areas, problems)
        if competency is None:
            problems.mark_unusable("competencies", record["id"])
            continue
        built[record["id"]] = competency
        # Two competencies of one area with one name read as one on every page.
        other = names.setdefault((competency.area_id, competency.name.casefold()), competency.id)
        if other != competency.id:
            area = f"area '{competency.area_id}'" if competency.area_id else "the catalogue"
            problems.add(
                file.display,
                line_of(record, "name"),
                f"competency '{competency.id}': the name '{competency.name}' is already used by competency '{other}' in {area}: "
                "give each its own name, or put them in different areas",
            )
    for ident in ids.duplicated:
        built.pop(ident, None)
    return Catalogue(scales, areas, built)


def _scales(file: DataFile, data: Any, problems: Problems) -> dict[str, Scale]:
    ids = IdRegistry("scale", problems)
    scales = {}
    for record in data.get("scales", ()):
        if not ids.claim(record["id"], file.display, line_of(record, "id")):
            continue
        steps = record["steps"]
        seen: dict[str, int] = {}
        for index, step in enumerate(steps):
            name = step["name"].casefold()
            if name in seen:
                problems.add(
                    file.display,
                    line_of(step, "name"),
                    f"scale '{record['id']}': step '{step['name']}' is named twice (steps {seen[name]} and {index + 1}): "
                    "give each step its own name",
                )
            seen.setdefault(name, index + 1)
        scales[record["id"]] = Scale(
            id=record["id"],
            name=record["name"],
            steps=tuple(Step(rank, step["name"], step.get("description")) for rank, step in enumerate(steps, start=1)),
            origin=_origin(file, record),
        )
    return scales


def _default_scale(file: DataFile, data: Any, scales: dict[str, Scale], problems: Problems) -> Scale | None:
    if "default_scale" in data:
        default = scales.get(data["default_scale"])
        if default is None:
            problems.add(
                file.display,
                line_of(data, "default_scale"),
                f"default_scale '{data['default_scale']}' is not a scale{suggest(data['default_scale'], scales)}: "
                f"use the id of one under scales: ({', '.join(scales) or 'none defined'})",
            )
        return default
    if len(scales) > 1:
        problems.add(
            file.display,
            line_of(data, "scales"),
            f"there are {len(scales)} scales ({', '.join(scales)}): say which competencies use by default, "
            "e.g. default_scale: " + next(iter(scales)),
        )
        return None
    return next(iter(scales.values()), None)


def _areas(file: DataFile, data: Any, problems: Problems) -> dict[str, Area]:
    ids = IdRegistry("area", problems)
    return {
        record["id"]: Area(record["id"], record["name"], record.get("description"), _origin(file, record))
        for record in data.get("areas", ())
        if ids.claim(record["id"], file.display, line_of(record, "id"))
    }


def _level_detail(record: Any) -> LevelDetail | None:
    """A level as written; None when it has both a descriptor and statements.

    A level may leave both out (evidence or ways to grow only, or nothing):
    where roles state what they expect of the step, nothing general is needed.
    """
    if isinstance(record, str):
        return LevelDetail(record)
    if "descriptor" in record and "statements" in record:
        return None
    descriptor = record.get("descriptor")
    if "statements" in record:
        # Several statements read as one Markdown list wherever the level is described.
        descriptor = "\n".join(f"- {statement}" for statement in record["statements"])
    return LevelDetail(descriptor, tuple(record.get("evidence", ())), tuple(record.get("development", ())))


def _competency(
    file: DataFile, record: Any, scales: dict[str, Scale], default: Scale | None, areas: dict[str, Area], problems: Problems
) -> Competency | None:
    """The competency, or None when a problem (reported here) leaves its scale or levels unknown."""
    where, context = file.display, f"competency '{record['id']}': "
    details = [_level_detail(level) for level in record.get("levels", ())]
    for number, detail in enumerate(details, start=1):
        if detail is None:
            problems.add(
                where,
                line_of(record["levels"], number - 1),
                f"{context}level {number} has both a descriptor: and statements: write one of them (or neither, "
                "when the roles expecting this step say what it means for them)",
            )
    if None in details:
        return None
    levels = tuple(detail for detail in details if detail is not None)
    area_id = record.get("area")
    if area_id is not None and area_id not in areas:
        known = f"one of {', '.join(areas)}" if areas else "an id defined under areas: at the top of the file"
        problems.add(where, line_of(record, "area"), f"{context}area '{area_id}' does not exist{suggest(area_id, areas)}: use {known}")
    elif area_id is None and areas:
        problems.add(
            where, line_of(record, "id"), f"{context}every competency belongs to an area: add area: with one of {', '.join(areas)}"
        )
    if "scale" in record:
        scale = scales.get(record["scale"])
        if scale is None:
            problems.add(
                where,
                line_of(record, "scale"),
                f"{context}scale '{record['scale']}' does not exist{suggest(record['scale'], scales)}: "
                f"use one of {', '.join(scales) or 'the scales defined under scales: at the top of the file'}",
            )
            return None
    elif default is not None:
        scale = default
    elif scales:
        return None  # the missing default_scale is reported once, for the file
    elif levels:
        steps = tuple(Step(rank, f"Level {rank}", level.descriptor) for rank, level in enumerate(levels, start=1))
        scale = Scale(IMPLICIT_SCALE, "Levels", steps, _origin(file, record))
    else:
        problems.add(
            where, line_of(record, "id"), f"{context}write its levels, one per level from the lowest, or define scales: to measure it on"
        )
        return None
    if levels and len(levels) != len(scale.steps):
        names = ", ".join(step.name for step in scale.steps)
        problems.add(
            where,
            line_of(record, "levels"),
            f"{context}{len(levels)} levels are written, but its scale '{scale.name}' has {len(scale.steps)} steps ({names}): "
            "write one level per step, lowest first",
        )
        return None
    return Competency(
        id=record["id"],
        name=record["name"],
        description=record["description"],
        area_id=area_id if area_id in areas else None,
        scale=scale,
        levels=levels,
        origin=_origin(file, record),
        review=_review(file, record, problems),
        previous_ids=tuple(record.get("previous_ids", ())),
    )


class RawSkill(NamedTuple):
    """A role's skill as written: the level (a step name or number) and where, before phase 3 resolves it."""

    role_id: str
    competency_id: str
    level: int | str
    line: int


def families(files: list[DataFile], grades: dict[str, int], problems: Problems) -> tuple[list[Family], list[Sourced[Role]], list[RawSkill]]:
    """The job families, every role with its YAML, and every skill as written (its level is resolved in phase 3)."""
    role_ids = IdRegistry("role", problems, kind="career_paths")
    built, roles_with_source, skills = [], [], []
    for file, data in _unique_files(files, "job family", problems):
        tracks = tuple(Track(t["id"], t["name"], t.get("description")) for t in data.get("tracks", ()))
        _check_tracks(file, data, problems)
        roles = []
        for record in data["roles"]:
            if not role_ids.claim(record["id"], file.display, line_of(record, "id")):
                continue
            level = _level(file, record, grades, problems)
            track_ok = _check_role_track(file, record, tracks, problems)
            if level is None or not track_ok:
                problems.mark_unusable("career_paths", record["id"])
                continue
            expectations = {}
            for competency_id, value in record["skills"].items():
                written = value["level"] if isinstance(value, dict) else value
                skills.append(RawSkill(record["id"], competency_id, written, line_of(record["skills"], competency_id)))
                if isinstance(value, dict) and ("statements" in value or "examples" in value):
                    expectations[competency_id] = _expectation(value)
            role = Role(
                id=record["id"],
                title=record["title"],
                level=level[0],
                family_id=data["id"],
                summary=record.get("summary"),
                responsibilities=tuple(record.get("responsibilities", ())),
                skills=MappingProxyType({}),
                next=tuple(record.get("next", ())),
                lateral=tuple(record.get("lateral", ())),
                development=tuple(record.get("development", ())),
                origin=_origin(file, record),
                track_id=record.get("track"),
                grade=level[1],
                expectations=MappingProxyType(expectations),
                previous_ids=tuple(record.get("previous_ids", ())),
            )
            roles.append(role)
            roles_with_source.append(Sourced(role, record))
        order = {track.id: index for index, track in enumerate(tracks)}
        roles.sort(key=lambda role: (order.get(role.track_id or "", 0), role.level, role.title))
        built.append(
            Family(
                id=data["id"],
                name=data["name"],
                description=data["description"],
                roles=tuple(roles),
                origin=_origin(file, data),
                tracks=tracks,
                review=_review(file, data, problems),
                previous_ids=tuple(data.get("previous_ids", ())),
            )
        )
    for ident in role_ids.duplicated:
        for family_index, family in enumerate(built):
            built[family_index] = family._replace(roles=tuple(role for role in family.roles if role.id != ident))
    roles_with_source = [sourced for sourced in roles_with_source if sourced.record.id not in role_ids.duplicated]
    return built, roles_with_source, skills


def _expectation(value: Any) -> Expectation:
    """A skill's statements, each with its own examples (written as `statement:` and `examples:`), and examples of them all."""
    statements = tuple(
        Statement(item, ()) if isinstance(item, str) else Statement(item["statement"], tuple(item.get("examples", ())))
        for item in value.get("statements", ())
    )
    return Expectation(statements, tuple(value.get("examples", ())))


def _level(file: DataFile, record: Any, grades: dict[str, int], problems: Problems) -> tuple[int, str | None] | None:
    """The role's rank and grade code (None for a plain number); None when the grade is unknown (reported)."""
    level = record["level"]
    if isinstance(level, int):
        return level, None
    if level in grades:
        return grades[level], level
    if level.isdigit():
        return int(level), None
    known = f"one of {', '.join(grades)}" if grades else "a whole number, or list grade codes under grades: in data/company.yml"
    problems.add(
        file.display,
        line_of(record, "level"),
        f"role '{record['id']}': level '{level}' is not a grade{suggest(level, grades)}: use {known}",
    )
    return None


def _check_tracks(file: DataFile, data: Any, problems: Problems) -> None:
    ids = IdRegistry("track", problems)
    for track in data.get("tracks", ()):
        ids.claim(track["id"], file.display, line_of(track, "id"))


def _check_role_track(file: DataFile, record: Any, tracks: tuple[Track, ...], problems: Problems) -> bool:
    track_ids = [track.id for track in tracks]
    context = f"role '{record['id']}': "
    if not tracks:
        if "track" in record:
            problems.add(
                file.display,
                line_of(record, "track"),
                f"{context}this family has no tracks: remove track:, or list the family's tracks under tracks:",
            )
            return False
        return True
    if "track" not in record:
        problems.add(file.display, line_of(record, "id"), f"{context}this family has tracks: add track: with one of {', '.join(track_ids)}")
        return False
    if record["track"] not in track_ids:
        problems.add(
            file.display,
            line_of(record, "track"),
            f"{context}track '{record['track']}' is not one of this family's tracks{suggest(record['track'], track_ids)}: "
            f"use one of {', '.join(track_ids)}",
        )
        return False
    return True


def banks(files: list[DataFile], problems: Problems) -> tuple[dict[str, QuestionBank], list[Sourced[Question]]]:
    """The question banks, and every question with its YAML."""
    question_ids = IdRegistry("question", problems)
    built, questions_with_source = {}, []
    for file, data in _unique_files(files, "question bank", problems):
        questions = []
        for record in data["questions"]:
            if not question_ids.claim(record["id"], file.display, line_of(record, "id")):
                continue
            question = Question(
                id=record["id"],
                text=record["text"],
                bank_id=data["id"],
                topic=record.get("topic"),
                families=tuple(record.get("families", ())),
                roles=tuple(record.get("roles", ())),
                origin=_origin(file, record),
                competencies=tuple(record.get("competencies", ())),
            )
            questions.append(question)
            questions_with_source.append(Sourced(question, record))
        built[data["id"]] = QuestionBank(
            id=data["id"],
            title=data["title"],
            purpose=data["purpose"],
            role_pages=data.get("role_pages", False),
            questions=tuple(questions),
            origin=_origin(file, data),
            review=_review(file, data, problems),
            audience=data.get("audience", "employee"),
        )
    return built, questions_with_source


def filled_by_the_guide(company: Company | None) -> dict[str, str]:
    """The blanks the guide fills itself, by their name in lowercase: [Company Name] is the company's name.

    Written into the text as it is loaded, not left as a blank to fill: the guide is for one company,
    so no employee would write another name there, and plain text is right everywhere the message
    goes (the page with or without JavaScript, the copied text, the e-mail link, paper and search).
    A name that would read as a blank itself ("Acme [EU]") leaves the blank to the reader.
    """
    if company is None or PLACEHOLDER.search(company.name):
        return {}
    return {"company name": company.name}


def _fill(text: str, filled: dict[str, str]) -> str:
    return PLACEHOLDER.sub(lambda blank: filled.get(blank.group(1).strip().lower(), blank.group(0)), text)


def templates(files: list[DataFile], problems: Problems, filled: dict[str, str] | None = None) -> dict[str, Template]:
    """The templates, with the blanks the guide fills itself (`filled_by_the_guide`) written in."""
    filled = filled or {}
    built = {}
    for file, data in _unique_files(files, "template", problems):
        subject = data.get("subject")
        kind = data.get("kind", "email" if subject else "chat")
        if kind == "email" and not subject:
            problems.add(file.display, line_of(data, "kind"), "an email template needs a 'subject': add one, or set kind to chat")
        if kind == "chat" and subject:
            problems.add(file.display, line_of(data, "subject"), "a chat message has no subject: remove 'subject' or set kind to email")
        _check_list_blanks(file, data, problems)
        built[data["id"]] = Template(
            id=data["id"],
            title=data["title"],
            kind=kind,
            when=data["when"],
            subject=_fill(subject, filled) if subject else subject,
            body=_fill(data["body"].strip("\n"), filled),
            origin=_origin(file, data),
            stage=data.get("stage"),
            review=_review(file, data, problems),
            previous_ids=tuple(data.get("previous_ids", ())),
        )
    return built


def _check_list_blanks(file: DataFile, data: Any, problems: Problems) -> None:
    """A blank of a list line ("- I will [My Action] by [Date].") takes a value per entry: it may be nowhere else."""
    body_line = line_of(data, "body") + 1  # a block body starts on the line after "body: |"
    seen: dict[str, bool] = {}  # blank name -> whether it is in a list line
    for number, line in enumerate(str(data["body"]).strip("\n").split("\n")):
        listed = is_list_line(line)
        for match in PLACEHOLDER.finditer(line):
            name = match.group(1)
            if name in seen and (listed or seen[name]):
                problems.add(
                    file.display,
                    body_line + number,
                    f"the blank [{name}] is in a list line and also elsewhere in the message: each entry of a list takes its own "
                    f"value, so give this blank a name of its own, e.g. [{name} 2]",
                )
            seen[name] = seen.get(name, False) or listed


def worksheets(files: list[DataFile], banks: dict[str, QuestionBank], problems: Problems) -> dict[str, Worksheet]:
    """The worksheets, with their sections' questions taken from `banks` (built first)."""
    questions = {q.id: q for bank in banks.values() for q in bank.questions}
    built = {}
    for file, data in _unique_files(files, "worksheet", problems):
        sections = [_section(file, number, record, banks, questions, problems) for number, record in enumerate(data["sections"], start=1)]
        named: dict[str, Any] = {}
        for record in data["sections"]:
            # Answers in the browser are kept under the section's name: two sections may not share one.
            # The sections are told apart as records: two equal titles may be one string object.
            first = named.setdefault(slugify(record["title"], "-"), record)
            if first is not record:
                problems.add(
                    file.display,
                    line_of(record, "title"),
                    f"section '{record['title']}' has the same name as section '{first['title']}' at line {line_of(first, 'title')}: "
                    "give each section its own title",
                )
        built[data["id"]] = Worksheet(
            id=data["id"],
            title=data["title"],
            purpose=data["purpose"],
            sections=tuple(sections),
            origin=_origin(file, data),
            reminder=Reminder(data["reminder"]["title"], data["reminder"]["after_weeks"]) if "reminder" in data else None,
            from_plan=data.get("from_plan", False),
            stage=data.get("stage"),
            review=_review(file, data, problems),
            previous_ids=tuple(data.get("previous_ids", ())),
        )
    return built


def _section(
    file: DataFile, number: int, record: Any, banks: dict[str, QuestionBank], questions: dict[str, Question], problems: Problems
) -> WorksheetSection:
    context = f"section {number} ('{record['title']}'): "
    chosen: list[Question] = []
    if "bank" in record:
        bank = banks.get(record["bank"])
        if bank is None:
            problems.add_dangling(
                "questions",
                record["bank"],
                file.display,
                line_of(record, "bank"),
                f"{context}question bank '{record['bank']}' does not exist{suggest(record['bank'], banks)}: "
                "use the id of a file in data/questions/",
            )
        else:
            chosen.extend(bank.general_questions)
    for index, question_id in enumerate(record.get("questions", ())):
        if question_id not in questions:
            problems.add_dangling(
                "questions",
                question_id,
                file.display,
                line_of(record["questions"], index),
                f"{context}question '{question_id}' does not exist{suggest(question_id, questions)}: "
                "use the id of a question in data/questions/",
            )
        elif questions[question_id] not in chosen:
            chosen.append(questions[question_id])
    table = record.get("table")
    return WorksheetSection(
        title=record["title"],
        intro=record.get("intro"),
        questions=tuple(chosen),
        space=record.get("space", DEFAULT_WRITING_LINES),
        table=WritingTable(tuple(table["columns"]), table.get("rows", DEFAULT_TABLE_ROWS)) if table else None,
    )


def search_terms(files: list[DataFile]) -> tuple[SearchTerm, ...]:
    """The words employees search for and the pages that answer them (data/search.yml, when there is one)."""
    return tuple(
        SearchTerm(tuple(term["words"]), term["page"], Origin(file.display, line_of(file.content["terms"], index)))
        for file in files
        for index, term in enumerate(file.content["terms"])
    )


def opportunities(files: list[DataFile], problems: Problems) -> tuple[dict[str, Opportunity], list[Sourced[Opportunity]]]:
    """What the company offers (data/opportunities.yml, when there is one), and each opportunity with its YAML."""
    ids = IdRegistry("opportunity", problems)
    built: dict[str, Opportunity] = {}
    sourced = []
    for file in files:
        for record in file.content["opportunities"]:
            if not ids.claim(record["id"], file.display, line_of(record, "id")):
                continue
            opportunity = _opportunity(file, record, problems)
            built[opportunity.id] = opportunity
            sourced.append(Sourced(opportunity, record))
    # Which of two entries with one id HR meant is unknown: neither is kept.
    for ident in ids.duplicated:
        built.pop(ident, None)
    return built, [entry for entry in sourced if entry.record.id not in ids.duplicated]


def _opportunity(file: DataFile, record: Any, problems: Problems) -> Opportunity:
    where, context = file.display, f"opportunity '{record['id']}': "
    kind, role = record["kind"], record.get("role")
    if kind == OPENING and role is None:
        problems.add(
            where,
            line_of(record, "kind"),
            f"{context}an opening names the role that is open: add role: with its id, e.g. role: senior-engineer",
        )
    elif kind != OPENING and role is not None:
        problems.add(
            where,
            line_of(record, "role"),
            f"{context}only an opening names a role, and this is a {kind}: remove role: (to offer it to some roles, "
            "list them under roles:), or make it kind: opening",
        )
    starts, ends = _date(file, record, "starts", problems), _date(file, record, "ends", problems)
    if starts and ends and ends < starts:
        problems.add(
            where, line_of(record, "ends"), f"{context}it ends on {ends}, before it starts on {starts}: correct one of the two dates"
        )
    return Opportunity(
        id=record["id"],
        title=record["title"],
        kind=kind,
        description=record["description"],
        how_to_apply=record["how_to_apply"],
        contact=record["contact"],
        competencies=tuple(dict.fromkeys(record["competencies"])),
        roles=tuple(dict.fromkeys(record.get("roles", ()))),
        families=tuple(dict.fromkeys(record.get("families", ()))),
        role=role if kind == OPENING else None,
        starts=starts,
        ends=ends,
        origin=_origin(file, record),
        review=_review(file, record, problems),
    )
