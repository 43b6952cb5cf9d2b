"""The guide's data as typed, immutable objects, built once per build from `data/`.

Records are NamedTuples: immutable and typed like frozen dataclasses, and about
five times cheaper to define, which every build pays at start-up. The Guide,
which builds indexes of its records, is a frozen dataclass.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import NamedTuple

PLACEHOLDER = re.compile(r"\[([^\[\]\n]{1,80})\]")
"""A fill-in field in a template: any short text in square brackets, e.g. [Manager's Name]."""


class Origin(NamedTuple):
    """Where a record was written, for messages and "Edit this page" links."""

    path: str
    line: int


class Company(NamedTuple):
    """The company the guide is for (data/company.yml)."""

    name: str
    guide_title: str
    tagline: str | None
    hr_contact: str | None
    repository_url: str | None
    edit_uri: str
    origin: Origin


class Competency(NamedTuple):
    """A skill every role is measured on, with what it looks like at each level (data/competencies.yml)."""

    id: str
    name: str
    description: str
    levels: tuple[str, ...]
    origin: Origin

    def level_text(self, level: int) -> str:
        """What the competency looks like at a 1-based level."""
        return self.levels[level - 1]


class Role(NamedTuple):
    """One job in a family, with its level, skills and the moves out of it (data/career_paths/)."""

    id: str
    title: str
    level: int
    family_id: str
    summary: str
    responsibilities: tuple[str, ...]
    skills: Mapping[str, int]
    """Competency id -> expected level, in the order written."""
    next: tuple[str, ...]
    lateral: tuple[str, ...]
    development: tuple[str, ...]
    origin: Origin

    @property
    def moves(self) -> tuple[tuple[str, str], ...]:
        """(kind, target role id) of every move out of the role: vertical ('next') first, then 'lateral'."""
        return tuple((kind, target) for kind, targets in (("next", self.next), ("lateral", self.lateral)) for target in targets)


class Family(NamedTuple):
    """A job family: a ladder of roles (one file in data/career_paths/)."""

    id: str
    name: str
    description: str
    roles: tuple[Role, ...]
    """The family's roles, by level then title."""
    origin: Origin


class Question(NamedTuple):
    """A question to ask, yourself or someone else (data/questions/)."""

    id: str
    text: str
    bank_id: str
    topic: str | None
    families: tuple[str, ...]
    roles: tuple[str, ...]
    origin: Origin

    @property
    def is_general(self) -> bool:
        """True when the question is not limited to some families or roles."""
        return not self.families and not self.roles

    def applies_to(self, role: Role) -> bool:
        return self.is_general or role.id in self.roles or role.family_id in self.families


class QuestionBank(NamedTuple):
    """A set of questions with one purpose, such as questions for the manager (one file in data/questions/)."""

    id: str
    title: str
    purpose: str
    role_pages: bool
    questions: tuple[Question, ...]
    origin: Origin

    @property
    def general_questions(self) -> tuple[Question, ...]:
        return tuple(question for question in self.questions if question.is_general)


class Template(NamedTuple):
    """A message people copy and adapt: a meeting request, an agenda, a thank-you (data/templates/)."""

    id: str
    title: str
    kind: str
    """email, chat or agenda."""
    when: str
    subject: str | None
    body: str
    origin: Origin

    @property
    def placeholders(self) -> tuple[str, ...]:
        """Distinct [Placeholder] names in subject and body, in order of first use."""
        text = f"{self.subject or ''}\n{self.body}"
        return tuple(dict.fromkeys(match.group(1) for match in PLACEHOLDER.finditer(text)))


class WritingTable(NamedTuple):
    """An empty table to fill in on a worksheet, such as an action plan."""

    columns: tuple[str, ...]
    rows: int


class WorksheetSection(NamedTuple):
    """A part of a worksheet: questions with space to write, or a table."""

    title: str
    intro: str | None
    questions: tuple[Question, ...]
    space: int
    table: WritingTable | None


class Reminder(NamedTuple):
    """A calendar reminder the worksheet offers, some weeks after the meeting."""

    title: str
    after_weeks: int


class Worksheet(NamedTuple):
    """A printable sheet to fill in before or after the meeting (data/worksheets/)."""

    id: str
    title: str
    purpose: str
    sections: tuple[WorksheetSection, ...]
    origin: Origin
    reminder: Reminder | None = None


@dataclass(frozen=True)
class Guide:
    """Everything in `data/`, validated and cross-referenced."""

    company: Company
    competencies: Mapping[str, Competency]
    families: tuple[Family, ...]
    roles: Mapping[str, Role]
    banks: Mapping[str, QuestionBank]
    templates: Mapping[str, Template]
    worksheets: Mapping[str, Worksheet]
    questions: Mapping[str, Question] = field(init=False)
    # Indexes built once, so that rendering every role page stays linear in the data's size.
    _families_by_id: Mapping[str, Family] = field(init=False, repr=False)
    _leading_to: Mapping[str, tuple[tuple[Role, str], ...]] = field(init=False, repr=False)
    _questions_by_role: Mapping[str, tuple[Question, ...]] = field(init=False, repr=False)
    _questions_by_family: Mapping[str, tuple[Question, ...]] = field(init=False, repr=False)
    _question_order: Mapping[str, int] = field(init=False, repr=False)
    _role_page_questions: tuple[Question, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        questions = {q.id: q for bank in self.banks.values() for q in bank.questions}
        leading: dict[str, list[tuple[Role, str]]] = {}
        for family in self.families:
            for role in family.roles:
                # A target listed under both next and lateral counts once, as 'next'.
                for target in dict.fromkeys(target for _, target in role.moves):
                    kind = "next" if target in role.next else "lateral"
                    leading.setdefault(target, []).append((role, kind))
        by_role: dict[str, list[Question]] = {}
        by_family: dict[str, list[Question]] = {}
        for question in questions.values():
            for role_id in question.roles:
                by_role.setdefault(role_id, []).append(question)
            for family_id in question.families:
                by_family.setdefault(family_id, []).append(question)
        values = {
            "questions": MappingProxyType(questions),
            "_families_by_id": MappingProxyType({family.id: family for family in self.families}),
            "_leading_to": MappingProxyType({key: tuple(value) for key, value in leading.items()}),
            "_questions_by_role": MappingProxyType({key: tuple(value) for key, value in by_role.items()}),
            "_questions_by_family": MappingProxyType({key: tuple(value) for key, value in by_family.items()}),
            "_question_order": MappingProxyType({question_id: index for index, question_id in enumerate(questions)}),
            "_role_page_questions": tuple(q for bank in self.banks.values() if bank.role_pages for q in bank.general_questions),
        }
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def family_of(self, role: Role) -> Family:
        return self._families_by_id[role.family_id]

    def roles_leading_to(self, role: Role) -> tuple[tuple[Role, str], ...]:
        """Roles with a move into `role`, each with the kind of move ('next' or 'lateral')."""
        return self._leading_to.get(role.id, ())

    def questions_for(self, role: Role) -> tuple[Question, ...]:
        """Questions written for this role or family, then general ones of banks shown on role pages."""
        candidates = (*self._questions_by_role.get(role.id, ()), *self._questions_by_family.get(role.family_id, ()))
        # Keep the data's order, and a question limited to both the role and its family once.
        targeted = sorted({q.id: q for q in candidates}.values(), key=lambda q: self._question_order[q.id])
        return (*targeted, *self._role_page_questions)
