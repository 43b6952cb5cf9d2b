"""The guide's data as typed, immutable objects, built once per build from `data/`.

Records are NamedTuples: immutable and typed like frozen dataclasses, and about
five times cheaper to define, which every build pays at start-up. The Guide,
which builds indexes of its records, is a frozen dataclass.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import NamedTuple

PLACEHOLDER = re.compile(r"\[([^\[\]\n]{1,80})\]")
"""A fill-in field in a template: any short text in square brackets, e.g. [Manager's Name]."""
LIST_LINE = re.compile(r"\s*[-*] ")


def is_list_line(line: str) -> bool:
    """A bulleted line of a message with a blank: an entry readers may repeat ("- I will [My Action] by [Date].")."""
    return bool(LIST_LINE.match(line) and PLACEHOLDER.search(line))


class Origin(NamedTuple):
    """Where a record was written, for messages and "Edit this page" links."""

    path: str
    line: int


class Review(NamedTuple):
    """Who looks after a record and when it was, and is next to be, reviewed (all optional)."""

    owner: str | None = None
    """A team or an e-mail address."""
    reviewed: datetime.date | None = None
    review_by: datetime.date | None = None

    def overdue(self, today: datetime.date) -> bool:
        return self.review_by is not None and self.review_by < today


STAGES = ("self-assessment", "research", "goals", "agenda", "meeting", "follow-up")
"""The conversation's stages, in order: templates and worksheets are listed in this order (then by title)."""


class SearchTerm(NamedTuple):
    """Words employees search for, and the page that answers them (data/search.yml)."""

    words: tuple[str, ...]
    page: str
    """The page's address from the site's root, e.g. /meeting/topics/."""
    origin: Origin


class Brand(NamedTuple):
    """The company's colour and logo on every page (data/company.yml `brand`), each optional."""

    colour: str | None = None
    """Material's primary colour, as "#rrggbb" in lowercase: readable in the light scheme (WCAG AA)."""
    logo: str | None = None
    """The logo's path under docs/ (an image browsers show), as the theme's `logo`."""


class Company(NamedTuple):
    """The company the guide is for (data/company.yml)."""

    name: str
    guide_title: str
    tagline: str | None
    hr_contact: str | None
    repository_url: str | None
    edit_uri: str
    origin: Origin
    brand: Brand = Brand()
    """Without a colour or logo, the site keeps its own palette and logo (mkdocs.yml)."""
    site_url: str | None = None
    """The address the guide is published at, ending in "/"; the SITE_URL environment variable overrides it."""
    site_url_line: int | None = None
    """The line of `site_url` in data/company.yml, for a warning about it."""


class Step(NamedTuple):
    """One step of a proficiency scale, such as "Working knowledge"."""

    rank: int
    """Its position on the scale, 1 for the lowest."""
    name: str
    description: str | None
    """What the step means for any competency; optional where roles state what they expect."""


IMPLICIT_SCALE = "levels"
"""The id of the scale a catalogue without `scales:` gets: one step per level written, named by number."""


class Scale(NamedTuple):
    """A named proficiency scale, defined once and shared by competencies (data/competencies.yml)."""

    id: str
    name: str
    steps: tuple[Step, ...]
    origin: Origin

    def rank_of(self, level: int | str) -> int | None:
        """The rank of a step given by its number or its name (any case); None when the scale has no such step."""
        if isinstance(level, int):
            return level if 1 <= level <= len(self.steps) else None
        wanted = level.strip().casefold()
        return next((step.rank for step in self.steps if step.name.casefold() == wanted), None)


class Area(NamedTuple):
    """A group of competencies, such as Craft or People (data/competencies.yml)."""

    id: str
    name: str
    description: str | None
    origin: Origin


class LevelDetail(NamedTuple):
    """What a competency looks like at one step: a descriptor (or several statements), with evidence and development ideas."""

    descriptor: str | None
    """Prose; several statements read as a list. None where nothing is written: the roles' statements say it."""
    evidence: tuple[str, ...] = ()
    development: tuple[str, ...] = ()


class Competency(NamedTuple):
    """A skill roles are measured on, on a proficiency scale (data/competencies.yml)."""

    id: str
    name: str
    description: str
    area_id: str | None
    scale: Scale
    levels: tuple[LevelDetail, ...]
    """One per step of the scale, or none: the scale's own step descriptions (if written) then serve."""
    origin: Origin
    review: Review = Review()
    previous_ids: tuple[str, ...] = ()
    """Ids it had before it was renamed: their addresses lead to its page."""

    def step(self, rank: int) -> Step:
        return self.scale.steps[rank - 1]

    def level_text(self, rank: int) -> str:
        """What the competency looks like at a step in general: its own descriptor, or the scale's description
        of the step; empty when neither is written (the roles expecting the step then state it, see `Expectation`)."""
        return self.detail(rank).descriptor or ""

    def detail(self, rank: int) -> LevelDetail:
        """The step as the competency writes it, or as its scale describes it; its descriptor is None when neither does."""
        if self.levels:
            detail = self.levels[rank - 1]
            return detail if detail.descriptor else detail._replace(descriptor=self.step(rank).description)
        return LevelDetail(self.step(rank).description)


class Statement(NamedTuple):
    """One thing a role expects of a competency, with the examples written for it (kept together on every page)."""

    text: str
    examples: tuple[str, ...] = ()


class Expectation(NamedTuple):
    """What a competency means for one role, in the role's own words: where written, the truth of what the role expects."""

    statements: tuple[Statement, ...]
    examples: tuple[str, ...] = ()
    """Examples of the statements as a whole (each statement may also carry its own)."""

    @property
    def texts(self) -> tuple[str, ...]:
        """The statements' words: two roles expecting a step differently say different things."""
        return tuple(statement.text for statement in self.statements)


class Role(NamedTuple):
    """One job in a family, with its level, skills and the moves out of it (data/career_paths/)."""

    id: str
    title: str
    level: int
    """Seniority rank, 1 for entry level: the number written, or the rank of its grade code."""
    family_id: str
    summary: str | None
    responsibilities: tuple[str, ...]
    skills: Mapping[str, int]
    """Competency id -> rank of the expected step on the competency's scale, in the order written."""
    next: tuple[str, ...]
    lateral: tuple[str, ...]
    development: tuple[str, ...]
    origin: Origin
    track_id: str | None = None
    grade: str | None = None
    """The grade code written as the level (IC4), when one was."""
    expectations: Mapping[str, Expectation] = MappingProxyType({})
    """Competency id -> what it means for this role, where the role says."""
    previous_ids: tuple[str, ...] = ()
    """Ids it had before it was renamed: their addresses lead to its page."""

    @property
    def level_label(self) -> str:
        """How the level reads on pages: the grade code, or "Level 3"."""
        return self.grade or f"Level {self.level}"

    @property
    def level_in_sentence(self) -> str:
        """The level inside a sentence: the grade code exactly as written (TD stays TD), or "level 3"."""
        return self.grade or f"level {self.level}"

    @property
    def moves(self) -> tuple[tuple[str, str], ...]:
        """(kind, target role id) of every move out of the role: vertical ('next') first, then 'lateral'."""
        return tuple((kind, target) for kind, targets in (("next", self.next), ("lateral", self.lateral)) for target in targets)


class Track(NamedTuple):
    """A parallel ladder within a family, such as individual contributor or people manager."""

    id: str
    name: str
    description: str | None = None


class Family(NamedTuple):
    """A job family: a ladder of roles, in one or several tracks (one file in data/career_paths/)."""

    id: str
    name: str
    description: str
    roles: tuple[Role, ...]
    """The family's roles, by track (in the order written), then level and title."""
    origin: Origin
    tracks: tuple[Track, ...] = ()
    review: Review = Review()
    previous_ids: tuple[str, ...] = ()
    """Ids it had before it was renamed: their addresses lead to its page."""

    def track_of(self, role: Role) -> Track | None:
        return next((track for track in self.tracks if track.id == role.track_id), None)


class Question(NamedTuple):
    """A question to ask, yourself or someone else (data/questions/)."""

    id: str
    text: str
    bank_id: str
    topic: str | None
    families: tuple[str, ...]
    roles: tuple[str, ...]
    origin: Origin
    competencies: tuple[str, ...] = ()
    """Competencies the question helps explore: it is listed on their pages."""

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
    review: Review = Review()
    audience: str = "employee"
    """Who asks these questions: "employee" (in the conversation, of their manager or others) or "manager" (of the employee)."""

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
    stage: str | None = None
    """Where it belongs in the conversation (one of STAGES)."""
    review: Review = Review()
    previous_ids: tuple[str, ...] = ()
    """Ids it had before it was renamed: their addresses lead to its page."""

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
    from_plan: bool = False
    """Whether the sheet starts with what "Add to my agenda" on the plan page fills in."""
    stage: str | None = None
    """Where it belongs in the conversation (one of STAGES)."""
    review: Review = Review()
    previous_ids: tuple[str, ...] = ()
    """Ids it had before it was renamed: their addresses lead to its page."""


OPPORTUNITY_KINDS = ("mentoring", "shadowing", "course", "certification", "project", "rotation", "community", "opening")
"""The kinds of opportunity, in the order the opportunities page lists them."""

OPENING = "opening"
"""The kind of opportunity that is an open role: it names the role, whose page says it is open."""


class Opportunity(NamedTuple):
    """Something the company offers people to grow: a mentor, a course, a project, an open role (data/opportunities.yml)."""

    id: str
    title: str
    kind: str
    """One of OPPORTUNITY_KINDS."""
    description: str
    how_to_apply: str
    contact: str
    """An e-mail address."""
    competencies: tuple[str, ...]
    """The competencies it develops."""
    roles: tuple[str, ...]
    families: tuple[str, ...]
    """The roles and families it is meant for; neither: everyone."""
    role: str | None
    """For an opening, the role that is open."""
    starts: datetime.date | None
    ends: datetime.date | None
    origin: Origin
    review: Review = Review()

    @property
    def for_everyone(self) -> bool:
        return not self.roles and not self.families

    def meant_for(self, role: Role) -> bool:
        """Whether it names `role` or its family (one offered to everyone names neither)."""
        return role.id in self.roles or role.family_id in self.families

    def ended(self, today: datetime.date) -> bool:
        """Whether its last day has passed: it is then left out of the guide."""
        return self.ends is not None and self.ends < today


@dataclass(frozen=True)
class Guide:
    """Everything in `data/`, validated and cross-referenced."""

    company: Company
    competencies: Mapping[str, Competency]
    """In the order written, grouped by area."""
    families: tuple[Family, ...]
    roles: Mapping[str, Role]
    banks: Mapping[str, QuestionBank]
    templates: Mapping[str, Template]
    worksheets: Mapping[str, Worksheet]
    areas: Mapping[str, Area] = field(default_factory=lambda: MappingProxyType({}))
    scales: Mapping[str, Scale] = field(default_factory=lambda: MappingProxyType({}))
    root_links: tuple[tuple[Origin, str], ...] = field(default=(), repr=False)
    """Addresses from the site's root that prose links to, with where each is written."""
    search_terms: tuple[SearchTerm, ...] = ()
    """Words employees search for, and the pages that answer them (data/search.yml)."""
    opportunities: Mapping[str, Opportunity] = field(default_factory=lambda: MappingProxyType({}))
    """Every opportunity as written, ended ones included (see `current_opportunities`)."""
    questions: Mapping[str, Question] = field(init=False)
    # Indexes built once, so that rendering every role page stays linear in the data's size.
    _families_by_id: Mapping[str, Family] = field(init=False, repr=False)
    _leading_to: Mapping[str, tuple[tuple[Role, str], ...]] = field(init=False, repr=False)
    _questions_by_role: Mapping[str, tuple[Question, ...]] = field(init=False, repr=False)
    _questions_by_family: Mapping[str, tuple[Question, ...]] = field(init=False, repr=False)
    _question_order: Mapping[str, int] = field(init=False, repr=False)
    _role_page_questions: tuple[Question, ...] = field(init=False, repr=False)
    _expecting: Mapping[str, tuple[tuple[Role, int], ...]] = field(init=False, repr=False)
    _questions_by_competency: Mapping[str, tuple[Question, ...]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        questions = {q.id: q for bank in self.banks.values() for q in bank.questions}
        leading: dict[str, list[tuple[Role, str]]] = {}
        for family in self.families:
            for role in family.roles:
                # A target listed under both next and lateral counts once, as 'next'.
                for target in dict.fromkeys(target for _, target in role.moves):
                    kind = "next" if target in role.next else "lateral"
                    leading.setdefault(target, []).append((role, kind))
        expecting: dict[str, list[tuple[Role, int]]] = {}
        for family in self.families:
            for role in family.roles:
                for competency_id, rank in role.skills.items():
                    expecting.setdefault(competency_id, []).append((role, rank))
        by_role: dict[str, list[Question]] = {}
        by_family: dict[str, list[Question]] = {}
        by_competency: dict[str, list[Question]] = {}
        # The pages employees read list the questions they ask; a manager's questions stay in the managers' part.
        for question in (q for q in questions.values() if self.banks[q.bank_id].audience != "manager"):
            for competency_id in question.competencies:
                by_competency.setdefault(competency_id, []).append(question)
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
            "_expecting": MappingProxyType({key: tuple(value) for key, value in expecting.items()}),
            "_questions_by_competency": MappingProxyType({key: tuple(value) for key, value in by_competency.items()}),
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

    def roles_expecting(self, competency: Competency) -> tuple[tuple[Role, int], ...]:
        """Every role that asks for `competency`, with the rank of the step it expects, by family."""
        return self._expecting.get(competency.id, ())

    def questions_about(self, competency: Competency) -> tuple[Question, ...]:
        return self._questions_by_competency.get(competency.id, ())

    def current_opportunities(self, today: datetime.date) -> tuple[Opportunity, ...]:
        """The opportunities the guide shows on `today`: those whose last day has not passed, in the order written."""
        return tuple(opportunity for opportunity in self.opportunities.values() if not opportunity.ended(today))

    def competencies_by_area(self) -> list[tuple[Area | None, list[Competency]]]:
        """The competencies grouped by area, areas in the order written (competencies without one last)."""
        groups: dict[str | None, list[Competency]] = {area_id: [] for area_id in self.areas}
        for competency in self.competencies.values():
            groups.setdefault(competency.area_id, []).append(competency)
        return [(self.areas.get(area_id) if area_id else None, items) for area_id, items in groups.items() if items]
