"""What templates need that is computation rather than layout: groupings, splits and encodings.

Each function takes model objects and returns plain values; the templates in
`macros/templates/career-guide/` decide how they look.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby
from typing import NamedTuple
from urllib.parse import quote

from ..model import PLACEHOLDER, Competency, Family, Guide, Question, Role, Template

KIND_LABELS = {"email": "E-mail", "chat": "Chat message", "agenda": "Agenda"}
"""How each kind of message template is named on pages."""

PERSON_FIELDS = (
    # key, label, input type, the template placeholder it shares its value with
    ("name", "Your name", "text", "Your Name"),
    ("manager", "Your manager", "text", "Manager's Name"),
    ("date", "Conversation date", "date", "Meeting Date"),
)
"""The name, manager and date fields at the top of every worksheet."""


class QuestionGroup(NamedTuple):
    """Consecutive questions of one topic, numbered on from `start`."""

    topic: str | None
    start: int
    questions: list[Question]


def question_groups(questions: Iterable[Question]) -> list[QuestionGroup]:
    """Questions in the order written, grouped by runs of the same topic, numbered across groups."""
    groups = []
    number = 1
    for topic, run in groupby(questions, key=lambda question: question.topic):
        items = list(run)
        groups.append(QuestionGroup(topic, number, items))
        number += len(items)
    return groups


class TextPiece(NamedTuple):
    """A stretch of message text; `slot` names the placeholder when the piece is one."""

    text: str
    slot: str | None = None


def split_placeholders(value: str) -> list[TextPiece]:
    """`value` as plain text and [Placeholders], in order."""
    pieces, start = [], 0
    for match in PLACEHOLDER.finditer(value):
        pieces.append(TextPiece(value[start : match.start()]))
        pieces.append(TextPiece(match.group(0), match.group(1)))
        start = match.end()
    pieces.append(TextPiece(value[start:]))
    return pieces


def mailto(template: Template) -> str:
    """A mailto: link for the template as written; the page's script refreshes it as people type."""
    # RFC 6068: line breaks in a mailto body are CRLF, and everything is percent-encoded.
    body = template.body.replace("\n", "\r\n")
    return f"mailto:?subject={quote(template.subject or '', safe='')}&body={quote(body, safe='')}"


class MatrixCell(NamedTuple):
    """One role's expected level of one competency; `raised` when above the role to its left."""

    level: int | None
    raised: bool


class MatrixRow(NamedTuple):
    competency: Competency
    cells: list[MatrixCell]


def level_matrix(guide: Guide, family: Family) -> list[MatrixRow]:
    """Competency × role, roles by level; a cell is raised where the level goes up from the role before."""
    roles = list(family.roles)
    competencies = list(dict.fromkeys(c for role in roles for c in role.skills))
    rows = []
    for competency_id in competencies:
        cells = []
        previous: int | None = None
        for index, role in enumerate(roles):
            level = role.skills.get(competency_id)
            raised = level is not None and index > 0 and (previous is None or level > previous)
            cells.append(MatrixCell(level, raised))
            previous = level
        rows.append(MatrixRow(guide.competencies[competency_id], cells))
    return rows


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
