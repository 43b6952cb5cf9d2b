"""What templates need that is computation rather than layout: groupings, splits and encodings.

Each function takes model objects and returns plain values; the templates in
`macros/rendering/templates/career-guide/` decide how they look.
"""

from __future__ import annotations

import datetime
import functools
import html
import re
from collections.abc import Iterable
from itertools import groupby
from typing import NamedTuple
from urllib.parse import quote

from markupsafe import Markup

from ..model.guide import (
    LIST_LINE,
    OPPORTUNITY_KINDS,
    PLACEHOLDER,
    Competency,
    Expectation,
    Family,
    Guide,
    LevelDetail,
    Opportunity,
    Question,
    Role,
    Step,
    Template,
    Track,
    is_list_line,
)
from ..model.urls import opportunity_anchor
from .browser_contract import CONVERSATION_DATE
from .markup import prose_inline

KIND_LABELS = {"email": "E-mail", "chat": "Chat message", "agenda": "Agenda"}
"""How each kind of message template is named on pages."""

PERSON_FIELDS = (
    # key, label, input type, the template placeholder it shares its value with
    ("name", "Your name", "text", "Your Name"),
    ("manager", "Your manager", "text", "Manager's Name"),
    ("date", "Conversation date", "date", CONVERSATION_DATE),
)
"""The name, manager and date fields at the top of every worksheet. Each is typed once: the date is
that of the one conversation every sheet prepares or follows up, shared with the agenda's
[Meeting Date] and counted from by the check-in reminder."""


class QuestionGroup(NamedTuple):
    """Consecutive questions of one topic, numbered on from `start`."""

    topic: str | None
    start: int
    questions: list[Question]


def question_groups(questions: Iterable[Question]) -> list[QuestionGroup]:
    """Questions grouped by topic, each topic where its first question is and its questions in the order
    written, numbered across groups. A page often lists questions of several banks (a role page: the
    general ones, then its family's): one topic in two places would give the page two headings of one name."""
    by_topic: dict[str | None, list[Question]] = {}
    for question in questions:
        by_topic.setdefault(question.topic, []).append(question)
    groups = []
    number = 1
    for topic, items in by_topic.items():
        groups.append(QuestionGroup(topic, number, items))
        number += len(items)
    return groups


class TextPiece(NamedTuple):
    """A stretch of message text; `slot` names the placeholder when the piece is one."""

    text: str
    slot: str | None = None
    indent: int | None = None
    """For a blank that takes several lines: the spaces its next lines start with, to stay under its item."""
    optional: bool = False
    """A blank readers may leave empty ("[Other Topic (optional)]"): then left out of what is sent."""


class MessageLine(NamedTuple):
    """A line of a message; `entry` names the list it is an entry of (its first blank), when readers may repeat it."""

    pieces: list[TextPiece]
    entry: str | None


class EntryList(NamedTuple):
    """A list line of a message ("- I will [My Action] by [Date]."): readers add as many entries as they need."""

    key: str
    line: str
    """The line as written, without its bullet: what each entry says."""
    blanks: tuple[str, ...]
    """Its blanks as written ("Other Topic (optional)"); `blank_name` gives the name each is kept under."""


_SHORT_BLANK = re.compile(r"\b(name|date)\b", re.IGNORECASE)
"""Names and dates fit on one line, wherever their blank is."""


_OPTIONAL = re.compile(r"\s*\(optional\)\s*$", re.IGNORECASE)
"""How HR marks a blank that may be left empty: "[Other Topic (optional)]"."""


def blank_name(written: str) -> str:
    """The name a blank is filled and kept under: "Other Topic" for "[Other Topic (optional)]"."""
    return _OPTIONAL.sub("", written) or written


def is_optional(written: str) -> bool:
    """Whether readers may leave the blank `written` ("Other Topic (optional)") empty."""
    return blank_name(written) != written


def split_placeholders(value: str) -> list[TextPiece]:
    """`value` as plain text and [Placeholders], in order."""
    pieces, start = [], 0
    for match in PLACEHOLDER.finditer(value):
        pieces.append(TextPiece(value[start : match.start()]))
        pieces.append(TextPiece(match.group(0), blank_name(match.group(1)), optional=is_optional(match.group(1))))
        start = match.end()
    pieces.append(TextPiece(value[start:]))
    return pieces


_TAG = re.compile(r"(<[^>]*>)")


@functools.lru_cache(maxsize=4096)
def _prose_pieces(value: str) -> tuple[TextPiece, ...]:
    rendered = prose_inline(value)
    if "[" not in rendered:
        return (TextPiece(Markup(rendered)),)
    pieces: list[TextPiece] = []
    # Only the text between tags: brackets left there are not Markdown (a link's are gone by now).
    for part in _TAG.split(rendered):
        start = 0
        for match in PLACEHOLDER.finditer("" if part.startswith("<") else part):
            name = html.unescape(match.group(1))
            pieces += [TextPiece(Markup(part[start : match.start()])), TextPiece(f"[{name}]", blank_name(name), optional=is_optional(name))]
            start = match.end()
        pieces.append(TextPiece(Markup(part[start:])))
    return tuple(pieces)


def prose_blanks(value: str) -> list[TextPiece]:
    """Prose for inside a sentence (a question), as safe HTML, with each [blank] in it a piece of its own.

    A question cannot be filled in, but its blank can show what the reader filled in elsewhere
    under the same name; `make check` asks HR to reword such questions all the same.
    """
    return list(_prose_pieces(value))


def question_blanks(text: str) -> list[str]:
    """The blanks written in a question's text, as shown (links and other Markdown are not blanks)."""
    return [piece.text for piece in _prose_pieces(text) if piece.slot]


def message_lines(value: str, kind: str) -> list[MessageLine]:
    """`value` line by line, each split into text and blanks.

    In an agenda, a blank that ends its line (a talking point) takes several
    lines of answer, indented under its item; a bulleted line with blanks is an
    entry of a list that readers make as long as they need.
    """
    lines = []
    for line in value.split("\n"):
        entry = PLACEHOLDER.search(line).group(1) if is_list_line(line) else None  # type: ignore[union-attr]
        pieces = split_placeholders(line)
        if kind == "agenda" and entry is None:
            indent = len(line) - len(line.lstrip())
            pieces = [
                piece._replace(indent=indent)
                if piece.slot and not _SHORT_BLANK.search(piece.slot) and _ends_line(pieces[index + 1 :])
                else piece
                for index, piece in enumerate(pieces)
            ]
        lines.append(MessageLine(pieces, entry))
    return lines


def _ends_line(rest: list[TextPiece]) -> bool:
    return not any(piece.slot or piece.text.strip(" .,;:!?") for piece in rest)


def entry_lists(template: Template) -> list[EntryList]:
    """The list lines of the template's body, in order."""
    return [
        EntryList(entry, LIST_LINE.sub("", line, count=1), tuple(match.group(1) for match in PLACEHOLDER.finditer(line)))
        for line, (_, entry) in zip(template.body.split("\n"), message_lines(template.body, template.kind), strict=True)
        if entry
    ]


def multiline_blanks(template: Template) -> set[str]:
    """The blanks of the template that take several lines."""
    return {
        piece.slot
        for line in message_lines(template.body, template.kind)
        for piece in line.pieces
        if piece.slot and piece.indent is not None
    }


_LEFT_OUT = "\0"
_ONLY_LEFT_OUT = re.compile(r"[\s\-*•]*(?:\d+[.)])?\s*")
"""What else a line may hold to be left out with its empty optional blanks: a list's bullet or number."""


def without_empty_optional(value: str) -> str:
    """`value` as sent with its optional blanks empty: a line holding nothing else (but list
    punctuation) is left out, and elsewhere the blank is. The twin of guide-core.js's withoutEmptyOptional."""
    lines = []
    for line in value.split("\n"):
        marked = "".join(_LEFT_OUT if piece.optional else piece.text for piece in split_placeholders(line))
        if _LEFT_OUT not in marked:
            lines.append(line)
        elif not _ONLY_LEFT_OUT.fullmatch(marked.replace(_LEFT_OUT, "")):
            lines.append(re.sub(f" ?{_LEFT_OUT}", "", marked).rstrip())
    return "\n".join(lines)


def mailto(template: Template) -> str:
    """A mailto: link for the template as written; the page's script refreshes it as people type."""
    # RFC 6068: line breaks in a mailto body are CRLF, and everything is percent-encoded.
    body = without_empty_optional(template.body).replace("\n", "\r\n")
    subject = without_empty_optional(template.subject or template.title)
    return f"mailto:?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


class MatrixCell(NamedTuple):
    """One role's expected step of one competency; `raised` when above the role before it in its track."""

    step: Step | None
    raised: bool


class MatrixRow(NamedTuple):
    competency: Competency
    cells: list[MatrixCell]


class TrackColumns(NamedTuple):
    """The roles of one track, side by side in the skills table (one group, with no name, when the family has no tracks)."""

    track: Track | None
    roles: list[Role]


def track_columns(family: Family) -> list[TrackColumns]:
    """The family's roles by track, in the tracks' order, each by level."""
    if not family.tracks:
        return [TrackColumns(None, list(family.roles))]
    return [TrackColumns(track, [role for role in family.roles if role.track_id == track.id]) for track in family.tracks]


def level_matrix(guide: Guide, family: Family) -> list[MatrixRow]:
    """Competency × role, roles by track then level; a cell is raised where the step goes up from a role
    that steps up to this one (a real move: not a parallel role, nor a manager over an individual contributor)."""
    columns = track_columns(family)
    competencies = list(dict.fromkeys(c for role in family.roles for c in role.skills))
    stepping_up = {
        role.id: [before for before, kind in guide.roles_leading_to(role) if kind == "next"] for group in columns for role in group.roles
    }
    rows = []
    for competency_id in competencies:
        competency = guide.competencies[competency_id]
        cells = []
        for group in columns:
            for role in group.roles:
                rank = role.skills.get(competency_id)
                raised = rank is not None and any(rank > before.skills.get(competency_id, 0) for before in stepping_up[role.id])
                cells.append(MatrixCell(competency.step(rank) if rank is not None else None, raised))
        rows.append(MatrixRow(competency, cells))
    return rows


class SkillView(NamedTuple):
    """One competency a role asks for: the step expected, what it looks like, and what the role says of it."""

    competency: Competency
    step: Step
    detail: LevelDetail
    expectation: Expectation | None


def role_skills(guide: Guide, role: Role) -> list[SkillView]:
    views = []
    for competency_id, rank in role.skills.items():
        competency = guide.competencies[competency_id]
        views.append(SkillView(competency, competency.step(rank), competency.detail(rank), role.expectations.get(competency_id)))
    return views


class RoleExpecting(NamedTuple):
    """A role that asks for a competency: the step it expects, and what it states of it."""

    role: Role
    step: Step
    expectation: Expectation | None
    """The role's statements of the competency; None where it states none (the step's descriptor then says it)."""


class ExpectingGroup(NamedTuple):
    """The roles of one family (and track) that ask for a competency, with the step each expects."""

    family: Family
    track: Track | None
    roles: list[RoleExpecting]


def expecting_groups(guide: Guide, competency: Competency) -> list[ExpectingGroup]:
    """Which roles expect which step of `competency`, by family and track, in the families' order."""
    by_group: dict[tuple[str, str | None], list[RoleExpecting]] = {}
    for role, rank in guide.roles_expecting(competency):
        expectation = role.expectations.get(competency.id)
        stated = expectation if expectation is not None and expectation.statements else None
        by_group.setdefault((role.family_id, role.track_id), []).append(RoleExpecting(role, competency.step(rank), stated))
    groups = []
    for family in guide.families:
        for track in family.tracks or (None,):
            roles = by_group.get((family.id, track.id if track else None))
            if roles:
                groups.append(ExpectingGroup(family, track, roles))
    return groups


def expected_at(groups: list[ExpectingGroup]) -> dict[int, list[RoleExpecting]]:
    """The roles expecting each step (by rank), in the groups' order."""
    by_rank: dict[int, list[RoleExpecting]] = {}
    for group in groups:
        for entry in group.roles:
            by_rank.setdefault(entry.step.rank, []).append(entry)
    return by_rank


class FamilyMoves(NamedTuple):
    """A role and the moves out of it, for the text alternative of a map."""

    role: Role
    moves: list[tuple[str, Role]]


def moves_by_role(guide: Guide, families: Iterable[Family]) -> list[FamilyMoves]:
    """Every role of `families` that has moves, with them: the same moves as the map, as text."""
    return [
        FamilyMoves(role, [(kind, guide.roles[target]) for kind, target in role.moves])
        for family in families
        for role in family.roles
        if role.moves
    ]


OPPORTUNITY_LABELS = {
    "mentoring": ("Mentoring", "Mentoring"),
    "shadowing": ("Shadowing", "Shadowing"),
    "course": ("Course", "Courses"),
    "certification": ("Certification", "Certifications"),
    "project": ("Project", "Projects"),
    "rotation": ("Rotation", "Rotations"),
    "community": ("Community", "Communities"),
    "opening": ("Open role", "Open roles"),
}
"""How each kind of opportunity is named on pages: one of them, and the heading over them all."""


class OpportunityView(NamedTuple):
    """An opportunity with the records it names, as pages show it."""

    opportunity: Opportunity
    label: str
    """What kind of thing it is, e.g. Course."""
    competencies: list[Competency]
    roles: list[Role]
    families: list[Family]
    opening_for: Role | None
    """For an opening, the role that is open."""
    when: str | None
    """Its dates in words ("2 February 2026 to 31 December 2026", "Until 30 June 2026"); none without dates."""
    last_day: str | None
    """Its `ends` in words ("30 June 2026"): for an opening, the last day to apply."""

    @property
    def anchor(self) -> str:
        """The id of its entry on the opportunities page."""
        return opportunity_anchor(self.opportunity.id)


def _day(date: datetime.date) -> str:
    """A date as people read it: 2 February 2026."""
    return f"{date.day} {date:%B} {date.year}"


def _when(opportunity: Opportunity) -> str | None:
    starts, ends = opportunity.starts, opportunity.ends
    if starts and ends:
        return f"{_day(starts)} to {_day(ends)}"
    if ends:
        return f"Until {_day(ends)}"
    return f"From {_day(starts)}" if starts else None


def opportunity_views(guide: Guide, opportunities: Iterable[Opportunity]) -> list[OpportunityView]:
    """`opportunities` as pages show them, by kind (in the order of OPPORTUNITY_KINDS), then in the order written."""
    families = {family.id: family for family in guide.families}
    rank = {kind: index for index, kind in enumerate(OPPORTUNITY_KINDS)}
    return [
        OpportunityView(
            opportunity,
            OPPORTUNITY_LABELS[opportunity.kind][0],
            [guide.competencies[ident] for ident in opportunity.competencies],
            [guide.roles[ident] for ident in opportunity.roles],
            [families[ident] for ident in opportunity.families],
            guide.roles[opportunity.role] if opportunity.role else None,
            _when(opportunity),
            _day(opportunity.ends) if opportunity.ends else None,
        )
        for opportunity in sorted(opportunities, key=lambda opportunity: rank[opportunity.kind])
    ]


class OpportunityGroup(NamedTuple):
    """The opportunities of one kind, under their heading."""

    kind: str
    title: str
    entries: list[OpportunityView]


def opportunity_groups(views: Iterable[OpportunityView]) -> list[OpportunityGroup]:
    """`views` (in the order of `opportunity_views`) grouped by kind; kinds without any are left out."""
    return [
        OpportunityGroup(kind, OPPORTUNITY_LABELS[kind][1], list(entries))
        for kind, entries in groupby(views, key=lambda view: view.opportunity.kind)
    ]
