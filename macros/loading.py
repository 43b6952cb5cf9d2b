"""Read every file under `data/`, validate it, and build the typed `Guide`.

All problems of all files are collected before anything is reported, so that
one build lists every mistake at once.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from .errors import DataError, DataProblem
from .model import (
    Company,
    Competency,
    Family,
    Guide,
    Origin,
    Question,
    QuestionBank,
    Reminder,
    Role,
    Template,
    Worksheet,
    WorksheetSection,
    WritingTable,
)
from .schema_check import SCHEMA_DIR, schema_problems
from .yaml_loader import Located, load_yaml_file

YAML_SUFFIXES = (".yml", ".yaml")
DEFAULT_WRITING_LINES = 3
DEFAULT_TABLE_ROWS = 5


class DataFile(NamedTuple):
    """One loaded file: where it is and what it holds."""

    path: Path
    display: str
    content: Any


class Folder(NamedTuple):
    """A data folder holding one record per file."""

    name: str
    schema: str
    noun: str


FOLDERS = (
    Folder("career_paths", "career-path.json", "job family"),
    Folder("questions", "question-bank.json", "question bank"),
    Folder("templates", "template.json", "template"),
    Folder("worksheets", "worksheet.json", "worksheet"),
)
SINGLE_FILES = {"company.yml": "company.json", "competencies.yml": "competencies.json"}
IGNORED_FOLDERS = {"schema"}


class _Collector:
    """Gathers problems while the data is read."""

    def __init__(self) -> None:
        self.problems: list[DataProblem] = []
        self.dangling: list[tuple[str, str, DataProblem]] = []

    def add(self, path: str, line: int, message: str) -> None:
        self.problems.append(DataProblem(path, line, message))

    def add_dangling(self, source: str, ident: str, path: str, line: int, message: str) -> None:
        """A reference to `ident`, which no valid file defines; `source` is where such ids live."""
        self.dangling.append((source, ident, DataProblem(path, line, message)))

    def all_problems(self, unreadable: set[str], invalid_ids: dict[str, set[str]]) -> list[DataProblem]:
        """Every problem, without cascades: a reference is not reported when the id may be
        defined in a file that could not be read, or is defined in a file with other mistakes."""
        return self.problems + [
            problem for source, ident, problem in self.dangling if source not in unreadable and ident not in invalid_ids.get(source, set())
        ]


def _display(path: Path, data_dir: Path) -> str:
    return f"{data_dir.name}/{path.relative_to(data_dir).as_posix()}"


def _read(path: Path, data_dir: Path, schema: str, problems: _Collector, invalid: list[Any], schema_dir: Path) -> DataFile | None:
    """Load and structurally check one file; None (with problems recorded) when unusable.

    Content that parsed but broke the schema is added to `invalid`, so that the
    ids it defines still count as known when other files refer to them.
    """
    display = _display(path, data_dir)
    content, load_problems = load_yaml_file(path, display)
    problems.problems.extend(load_problems)
    if load_problems:
        return None
    if not isinstance(content, dict):
        problems.add(display, 1, "the file should hold 'key: value' lines at the top level, not a list or a single value")
        return None
    structural = schema_problems(content, schema, display, schema_dir)
    problems.problems.extend(structural)
    if structural:
        invalid.append(content)
        return None
    return DataFile(path, display, content)


def _ids_in(records: Any) -> set[str]:
    """Ids of the records in a list, read leniently from content that broke the schema."""
    if not isinstance(records, list):
        return set()
    # Stripped: an id that broke the schema only by a stray space or line break
    # is still the id other files mean.
    return {record["id"].strip() for record in records if isinstance(record, dict) and isinstance(record.get("id"), str)}


# The list of records, other than the file itself, that defines ids in each kind of file.
RECORD_LISTS = {"career_paths": "roles", "questions": "questions", "competencies": "competencies"}


def _lenient_ids(kind: str, contents: list[Any]) -> set[str]:
    ids: set[str] = set()
    for content in contents:
        if isinstance(content.get("id"), str):
            ids.add(content["id"].strip())
        if kind in RECORD_LISTS:
            ids |= _ids_in(content.get(RECORD_LISTS[kind]))
    return ids


def _folder_files(data_dir: Path, folder: Folder, problems: _Collector) -> list[Path]:
    directory = data_dir / folder.name
    if not directory.is_dir():
        problems.add(f"{data_dir.name}/{folder.name}", 1, f"the folder is missing: create it and add at least one {folder.noun} file")
        return []
    paths = []
    for path in sorted(directory.iterdir()):
        if path.name.startswith("."):
            continue  # editor and system files such as .DS_Store
        display = _display(path, data_dir)
        if path.is_dir():
            problems.add(display, 1, f"folders inside {data_dir.name}/{folder.name}/ are not read: move its files up one level")
        elif path.suffix not in YAML_SUFFIXES:
            problems.add(
                display,
                1,
                f"only YAML files (.yml) belong in {data_dir.name}/{folder.name}/: rename this file to .yml or move it elsewhere",
            )
        else:
            paths.append(path)
    return paths


def _unexpected_top_level(data_dir: Path, problems: _Collector) -> None:
    known = set(SINGLE_FILES) | {folder.name for folder in FOLDERS} | IGNORED_FOLDERS
    for path in sorted(data_dir.iterdir()):
        if path.name.startswith(".") or path.name in known or path.name.lower().startswith("readme"):
            continue
        hint = ", ".join(sorted(known))
        problems.add(
            _display(path, data_dir), 1, f"unexpected file or folder in {data_dir.name}/: the guide reads only {hint}; move it elsewhere"
        )


def _origin(file: DataFile, record: Any) -> Origin:
    return Origin(file.display, record.line if isinstance(record, Located) else 1)


def _line(container: Any, key: Any) -> int:
    return container.line_of(key) if isinstance(container, Located) else 1


def _suggest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


class _IdRegistry:
    """Ids of one kind, with where each was first defined, to catch duplicates."""

    def __init__(self, noun: str, problems: _Collector) -> None:
        self.noun = noun
        self.problems = problems
        self.where: dict[str, Origin] = {}

    def claim(self, ident: str, path: str, line: int, context: str = "") -> bool:
        if ident in self.where:
            first = self.where[ident]
            self.problems.add(
                path,
                line,
                f"{context}{self.noun} id '{ident}' is already used at {first.path}:{first.line}: ids must be unique, choose another one",
            )
            return False
        self.where[ident] = Origin(path, line)
        return True


def _check_file_name(file: DataFile, problems: _Collector) -> None:
    ident = file.content["id"]
    if file.path.stem != ident:
        problems.add(
            file.display,
            _line(file.content, "id"),
            f"id '{ident}' does not match the file name '{file.path.name}': rename the file to "
            f"'{ident}.yml' or change the id to '{file.path.stem}'",
        )


def _company(file: DataFile | None) -> Company | None:
    if file is None:
        return None
    data = file.content
    return Company(
        name=data["name"],
        guide_title=data.get("guide_title") or f"{data['name']} Career Guide",
        tagline=data.get("tagline"),
        hr_contact=data.get("hr_contact"),
        repository_url=data.get("repository_url"),
        edit_uri=data.get("edit_uri", "edit/main/"),
        origin=_origin(file, data),
    )


def _competencies(file: DataFile | None, problems: _Collector) -> dict[str, Competency]:
    if file is None:
        return {}
    ids = _IdRegistry("competency", problems)
    competencies = {}
    for record in file.content["competencies"]:
        if ids.claim(record["id"], file.display, _line(record, "id")):
            competencies[record["id"]] = Competency(
                id=record["id"],
                name=record["name"],
                description=record["description"],
                levels=tuple(record["levels"]),
                origin=_origin(file, record),
            )
    return competencies


def _families(files: list[DataFile], problems: _Collector, raw_roles: dict[str, Any]) -> list[Family]:
    family_ids = _IdRegistry("job family", problems)
    role_ids = _IdRegistry("role", problems)
    families = []
    for file in files:
        _check_file_name(file, problems)
        data = file.content
        if not family_ids.claim(data["id"], file.display, _line(data, "id")):
            continue
        roles = []
        for record in data["roles"]:
            if not role_ids.claim(record["id"], file.display, _line(record, "id")):
                continue
            raw_roles[record["id"]] = record
            roles.append(
                Role(
                    id=record["id"],
                    title=record["title"],
                    level=record["level"],
                    family_id=data["id"],
                    summary=record["summary"],
                    responsibilities=tuple(record["responsibilities"]),
                    skills=MappingProxyType(dict(record["skills"])),
                    next=tuple(record["next"]),
                    lateral=tuple(record["lateral"]),
                    development=tuple(record["development"]),
                    origin=_origin(file, record),
                )
            )
        roles.sort(key=lambda role: (role.level, role.title))
        families.append(
            Family(
                id=data["id"],
                name=data["name"],
                description=data["description"],
                roles=tuple(roles),
                origin=_origin(file, data),
            )
        )
    return families


def _banks(files: list[DataFile], problems: _Collector, raw_questions: dict[str, Any]) -> dict[str, QuestionBank]:
    bank_ids = _IdRegistry("question bank", problems)
    question_ids = _IdRegistry("question", problems)
    banks = {}
    for file in files:
        _check_file_name(file, problems)
        data = file.content
        if not bank_ids.claim(data["id"], file.display, _line(data, "id")):
            continue
        raw_questions.update({record["id"]: record for record in data["questions"]})
        questions = tuple(
            Question(
                id=record["id"],
                text=record["text"],
                bank_id=data["id"],
                topic=record.get("topic"),
                families=tuple(record.get("families", ())),
                roles=tuple(record.get("roles", ())),
                origin=_origin(file, record),
            )
            for record in data["questions"]
            if question_ids.claim(record["id"], file.display, _line(record, "id"))
        )
        banks[data["id"]] = QuestionBank(
            id=data["id"],
            title=data["title"],
            purpose=data["purpose"],
            role_pages=data.get("role_pages", False),
            questions=questions,
            origin=_origin(file, data),
        )
    return banks


def _templates(files: list[DataFile], problems: _Collector) -> dict[str, Template]:
    ids = _IdRegistry("template", problems)
    templates = {}
    for file in files:
        _check_file_name(file, problems)
        data = file.content
        if not ids.claim(data["id"], file.display, _line(data, "id")):
            continue
        subject = data.get("subject")
        kind = data.get("kind", "email" if subject else "chat")
        if kind == "email" and not subject:
            problems.add(file.display, _line(data, "kind"), "an email template needs a 'subject': add one, or set kind to chat")
        if kind != "email" and subject:
            problems.add(file.display, _line(data, "subject"), f"a {kind} template has no subject: remove 'subject' or set kind to email")
        templates[data["id"]] = Template(
            id=data["id"],
            title=data["title"],
            kind=kind,
            when=data["when"],
            subject=subject,
            body=data["body"].strip("\n"),
            origin=_origin(file, data),
        )
    return templates


def _worksheets(files: list[DataFile], banks: dict[str, QuestionBank], problems: _Collector) -> dict[str, Worksheet]:
    ids = _IdRegistry("worksheet", problems)
    questions = {q.id: q for bank in banks.values() for q in bank.questions}
    worksheets = {}
    for file in files:
        _check_file_name(file, problems)
        data = file.content
        if not ids.claim(data["id"], file.display, _line(data, "id")):
            continue
        sections = []
        for number, record in enumerate(data["sections"], start=1):
            context = f"section {number} ('{record['title']}'): "
            chosen: list[Question] = []
            if "bank" in record:
                bank = banks.get(record["bank"])
                if bank is None:
                    problems.add_dangling(
                        "questions",
                        record["bank"],
                        file.display,
                        _line(record, "bank"),
                        f"{context}question bank '{record['bank']}' does not "
                        f"exist{_suggest(record['bank'], banks)}: use the id of a file in data/questions/",
                    )
                else:
                    chosen.extend(bank.general_questions)
            for index, question_id in enumerate(record.get("questions", ())):
                if question_id not in questions:
                    problems.add_dangling(
                        "questions",
                        question_id,
                        file.display,
                        _line(record["questions"], index),
                        f"{context}question '{question_id}' does not exist{_suggest(question_id, questions)}: "
                        "use the id of a question in data/questions/",
                    )
                elif questions[question_id] not in chosen:
                    chosen.append(questions[question_id])
            table = record.get("table")
            sections.append(
                WorksheetSection(
                    title=record["title"],
                    intro=record.get("intro"),
                    questions=tuple(chosen),
                    space=record.get("space", DEFAULT_WRITING_LINES),
                    table=WritingTable(tuple(table["columns"]), table.get("rows", DEFAULT_TABLE_ROWS)) if table else None,
                )
            )
        worksheets[data["id"]] = Worksheet(
            id=data["id"],
            title=data["title"],
            purpose=data["purpose"],
            sections=tuple(sections),
            origin=_origin(file, data),
            reminder=Reminder(data["reminder"]["title"], data["reminder"]["after_weeks"]) if "reminder" in data else None,
        )
    return worksheets


def _check_roles(
    families: list[Family],
    raw_roles: dict[str, Any],
    competencies: dict[str, Competency],
    problems: _Collector,
) -> None:
    roles = {role.id: role for family in families for role in family.roles}
    for role in (role for family in families for role in family.roles):
        where = role.origin.path
        record = raw_roles[role.id]
        context = f"role '{role.id}': "
        for competency_id, level in role.skills.items():
            competency = competencies.get(competency_id)
            skill_line = _line(record["skills"], competency_id)
            if competency is None:
                problems.add_dangling(
                    "competencies",
                    competency_id,
                    where,
                    skill_line,
                    f"{context}skill '{competency_id}' is not a "
                    f"competency{_suggest(competency_id, competencies)}: use an id from data/competencies.yml",
                )
            elif level > len(competency.levels):
                problems.add(
                    where,
                    skill_line,
                    f"{context}skill '{competency_id}' is set to level {level}, but the "
                    f"competency defines levels 1 to {len(competency.levels)}: use one of those",
                )
        for move_kind, targets in (("next", role.next), ("lateral", role.lateral)):
            for index, target_id in enumerate(targets):
                target = roles.get(target_id)
                move_line = _line(record[move_kind], index)
                if target_id == role.id:
                    problems.add(where, move_line, f"{context}the role lists itself in '{move_kind}': remove '{target_id}'")
                elif target is None:
                    problems.add_dangling(
                        "career_paths",
                        target_id,
                        where,
                        move_line,
                        f"{context}{move_kind} role '{target_id}' does not "
                        f"exist{_suggest(target_id, roles)}: use the id of a role in data/career_paths/",
                    )
                elif move_kind == "next" and target.level <= role.level:
                    problems.add(
                        where,
                        move_line,
                        f"{context}next role '{target_id}' is level {target.level}, not above this "
                        f"role's level {role.level}: list it under 'lateral' instead, or fix the levels",
                    )


def _check_question_filters(
    banks: dict[str, QuestionBank],
    raw_questions: dict[str, Any],
    families: list[Family],
    problems: _Collector,
) -> None:
    family_ids = {family.id for family in families}
    role_ids = {role.id for family in families for role in family.roles}
    for question in (q for bank in banks.values() for q in bank.questions):
        context = f"question '{question.id}': "
        record = raw_questions[question.id]
        for index, family_id in enumerate(question.families):
            if family_id not in family_ids:
                problems.add_dangling(
                    "career_paths",
                    family_id,
                    question.origin.path,
                    _line(record["families"], index),
                    f"{context}job family '{family_id}' does not "
                    f"exist{_suggest(family_id, family_ids)}: use the id of a file in data/career_paths/",
                )
        for index, role_id in enumerate(question.roles):
            if role_id not in role_ids:
                problems.add_dangling(
                    "career_paths",
                    role_id,
                    question.origin.path,
                    _line(record["roles"], index),
                    f"{context}role '{role_id}' does not exist{_suggest(role_id, role_ids)}: use the id of a role in data/career_paths/",
                )


def load_guide(data_dir: Path, schema_dir: Path = SCHEMA_DIR) -> Guide:
    """Load and validate everything under `data_dir` against the schemas in `schema_dir`; raise DataError listing every problem."""
    problems = _Collector()
    if not data_dir.is_dir():
        raise DataError([DataProblem(data_dir.name, 1, "the data folder is missing")])
    _unexpected_top_level(data_dir, problems)

    invalid: dict[str, list[Any]] = {"competencies": [], **{folder.name: [] for folder in FOLDERS}}
    singles: dict[str, DataFile | None] = {}
    for name, schema in SINGLE_FILES.items():
        path = data_dir / name
        if not path.is_file():
            problems.add(f"{data_dir.name}/{name}", 1, "the file is missing: create it (see the editors' guide)")
            singles[name] = None
        else:
            singles[name] = _read(
                path, data_dir, schema, problems, invalid["competencies"] if name == "competencies.yml" else [], schema_dir
            )

    loaded: dict[str, list[DataFile]] = {}
    unreadable: set[str] = set()
    for folder in FOLDERS:
        paths = _folder_files(data_dir, folder, problems)
        files = [_read(path, data_dir, folder.schema, problems, invalid[folder.name], schema_dir) for path in paths]
        loaded[folder.name] = [file for file in files if file is not None]
        if len(loaded[folder.name]) + len(invalid[folder.name]) < len(paths):
            unreadable.add(folder.name)
    if singles["competencies.yml"] is None and not invalid["competencies"]:
        unreadable.add("competencies")
    invalid_ids = {kind: _lenient_ids(kind, contents) for kind, contents in invalid.items()}

    company = _company(singles["company.yml"])
    competencies = _competencies(singles["competencies.yml"], problems)
    raw_roles: dict[str, Any] = {}
    families = _families(loaded["career_paths"], problems, raw_roles)
    raw_questions: dict[str, Any] = {}
    banks = _banks(loaded["questions"], problems, raw_questions)
    templates = _templates(loaded["templates"], problems)
    worksheets = _worksheets(loaded["worksheets"], banks, problems)
    _check_roles(families, raw_roles, competencies, problems)
    _check_question_filters(banks, raw_questions, families, problems)

    found = problems.all_problems(unreadable, invalid_ids)
    if found or company is None:
        raise DataError(found)
    return Guide(
        company=company,
        competencies=MappingProxyType(competencies),
        families=tuple(sorted(families, key=lambda family: family.name)),
        roles=MappingProxyType({role.id: role for family in families for role in family.roles}),
        banks=MappingProxyType(banks),
        templates=MappingProxyType(templates),
        worksheets=MappingProxyType(worksheets),
    )
