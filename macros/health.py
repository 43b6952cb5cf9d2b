"""Content health: what editors should look at, from the data alone.

Reviews that are overdue, roles without role-specific questions or
development requests, competencies no role asks for, lateral moves with no
way back, and job families whose levels skip a step. `make check` warns about
overdue reviews; the editors' Content health page lists everything.
"""

from __future__ import annotations

import datetime
from itertools import groupby
from typing import NamedTuple

from .errors import DataProblem
from .model import Competency, Family, Guide, Origin, Review, Role, Track
from .urls import competency_url, family_url, template_url, worksheet_url


class Reviewed(NamedTuple):
    """A record that has review dates or an owner: what it is, where it is shown and where it is written."""

    kind: str
    name: str
    url: str | None
    origin: Origin
    review: Review


class LevelGap(NamedTuple):
    family: Family
    track: Track | None
    missing: list[int]
    """The levels between the lowest and the highest that no role of the track has."""


class ContentHealth(NamedTuple):
    today: datetime.date
    overdue: list[Reviewed]
    owned: list[Reviewed]
    """Everything that has an owner or review dates, by due date."""
    roles_without_questions: list[Role]
    roles_without_development: list[Role]
    unused_competencies: list[Competency]
    one_way_moves: list[tuple[Role, Role]]
    level_gaps: list[LevelGap]


def reviewed_records(guide: Guide) -> list[Reviewed]:
    """Every family, competency, question bank, template and worksheet that has an owner or a review date."""
    records = [
        *(Reviewed("Job family", family.name, family_url(family.id), family.origin, family.review) for family in guide.families),
        *(Reviewed("Competency", c.name, competency_url(c.id), c.origin, c.review) for c in guide.competencies.values()),
        *(Reviewed("Question bank", bank.title, None, bank.origin, bank.review) for bank in guide.banks.values()),
        *(Reviewed("Template", t.title, template_url(t.id), t.origin, t.review) for t in guide.templates.values()),
        *(Reviewed("Worksheet", w.title, worksheet_url(w.id), w.origin, w.review) for w in guide.worksheets.values()),
    ]
    return sorted(
        (record for record in records if record.review != Review()),
        key=lambda record: (record.review.review_by or datetime.date.max, record.name),
    )


def overdue_warnings(guide: Guide, today: datetime.date) -> list[DataProblem]:
    """One warning per record whose review date has passed."""
    return [
        DataProblem(
            record.origin.path,
            record.origin.line,
            f"warning: the review of {record.kind.lower()} '{record.name}'"
            f"{f' (owner: {record.review.owner})' if record.review.owner else ''} was due on {record.review.review_by}: "
            "review it, then update 'reviewed' and 'review_by'",
        )
        for record in reviewed_records(guide)
        if record.review.overdue(today)
    ]


def _level_gaps(family: Family) -> list[LevelGap]:
    gaps = []
    by_track = sorted(family.roles, key=lambda role: (role.track_id or "", role.level))
    for track_id, roles in groupby(by_track, key=lambda role: role.track_id):
        levels = {role.level for role in roles}
        missing = [level for level in range(min(levels), max(levels) + 1) if level not in levels]
        if missing:
            track = next((track for track in family.tracks if track.id == track_id), None)
            gaps.append(LevelGap(family, track, missing))
    return gaps


def content_health(guide: Guide, today: datetime.date) -> ContentHealth:
    roles = [role for family in guide.families for role in family.roles]
    used = {competency for role in roles for competency in role.skills}
    owned = reviewed_records(guide)
    return ContentHealth(
        today=today,
        overdue=[record for record in owned if record.review.overdue(today)],
        owned=owned,
        # From the index of questions by role and family: checking every question for every role grows as the square of the company.
        roles_without_questions=[role for role in roles if all(question.is_general for question in guide.questions_for(role))],
        roles_without_development=[role for role in roles if not role.development],
        unused_competencies=[competency for competency in guide.competencies.values() if competency.id not in used],
        one_way_moves=[
            (role, guide.roles[target])
            for role in roles
            for target in role.lateral
            if target in guide.roles and role.id not in guide.roles[target].lateral
        ],
        level_gaps=[gap for family in guide.families for gap in _level_gaps(family)],
    )
