"""Phase 2: turn each valid file into model records, keeping where each came from.

Every kind is built the same way: each file's id must match its file name and
be unique, then each record inside it must have a unique id. A builder gets
only files that passed phase 1, and returns the records with the YAML they
came from, whose line marks phase 3 uses to point at a reference.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import MappingProxyType
from typing import Any, Generic, NamedTuple, TypeVar

from ..model import (
    Company,
    Competency,
    Family,
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


def company(files: list[DataFile]) -> Company | None:
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
    )


def competencies(files: list[DataFile], problems: Problems) -> dict[str, Competency]:
    ids = IdRegistry("competency", problems)
    built = {}
    for file in files:
        for record in file.content["competencies"]:
            if ids.claim(record["id"], file.display, line_of(record, "id")):
                built[record["id"]] = Competency(
                    id=record["id"],
                    name=record["name"],
                    description=record["description"],
                    levels=tuple(record["levels"]),
                    origin=_origin(file, record),
                )
    return built


def families(files: list[DataFile], problems: Problems) -> tuple[list[Family], list[Sourced[Role]]]:
    """The job families, and every role with its YAML."""
    role_ids = IdRegistry("role", problems)
    built, roles_with_source = [], []
    for file, data in _unique_files(files, "job family", problems):
        roles = []
        for record in data["roles"]:
            if not role_ids.claim(record["id"], file.display, line_of(record, "id")):
                continue
            role = Role(
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
            roles.append(role)
            roles_with_source.append(Sourced(role, record))
        roles.sort(key=lambda role: (role.level, role.title))
        built.append(
            Family(id=data["id"], name=data["name"], description=data["description"], roles=tuple(roles), origin=_origin(file, data))
        )
    return built, roles_with_source


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
        )
    return built, questions_with_source


def templates(files: list[DataFile], problems: Problems) -> dict[str, Template]:
    built = {}
    for file, data in _unique_files(files, "template", problems):
        subject = data.get("subject")
        kind = data.get("kind", "email" if subject else "chat")
        if kind == "email" and not subject:
            problems.add(file.display, line_of(data, "kind"), "an email template needs a 'subject': add one, or set kind to chat")
        if kind != "email" and subject:
            problems.add(file.display, line_of(data, "subject"), f"a {kind} template has no subject: remove 'subject' or set kind to email")
        built[data["id"]] = Template(
            id=data["id"],
            title=data["title"],
            kind=kind,
            when=data["when"],
            subject=subject,
            body=data["body"].strip("\n"),
            origin=_origin(file, data),
        )
    return built


def worksheets(files: list[DataFile], banks: dict[str, QuestionBank], problems: Problems) -> dict[str, Worksheet]:
    """The worksheets, with their sections' questions taken from `banks` (built first)."""
    questions = {q.id: q for bank in banks.values() for q in bank.questions}
    built = {}
    for file, data in _unique_files(files, "worksheet", problems):
        sections = [_section(file, number, record, banks, questions, problems) for number, record in enumerate(data["sections"], start=1)]
        built[data["id"]] = Worksheet(
            id=data["id"],
            title=data["title"],
            purpose=data["purpose"],
            sections=tuple(sections),
            origin=_origin(file, data),
            reminder=Reminder(data["reminder"]["title"], data["reminder"]["after_weeks"]) if "reminder" in data else None,
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
