"""Content health: what editors should look at, from the data alone.

Reviews that are overdue, roles without role-specific questions or
development requests, competencies no role asks for, lateral moves with no
way back, job families whose levels skip a step, job families whose roles
may use another definition of a competency than the one meant, opportunities
that have ended, and competencies no opportunity develops. `make check` warns
about overdue reviews and ended opportunities; the editors' Content health
page lists everything.

A competency is "defined differently" when another competency has the same
name (case and spacing aside) under another id: the catalogue refuses two of
one name in one area, so the two are in different areas, and often on
different scales. That is what two frameworks merged into one guide look like,
and after a duplicate id is renamed, the roles that kept the old id silently
take the other definition while the renamed one is left unused. So a family is
listed when its roles use one of two namesakes while the other is used by no
role, or by other roles of the same family. Two families that each use their
own namesake, on purpose, are not listed.
"""

from __future__ import annotations

import datetime
from itertools import groupby
from typing import NamedTuple

from .errors import DataProblem
from .guide import Area, Competency, Family, Guide, Opportunity, Origin, Review, Role, Track
from .urls import OPPORTUNITIES_URL, competency_url, family_url, template_url, worksheet_url


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


class Definition(NamedTuple):
    """One of two competencies of one name: where it sits, and which families' roles use it."""

    competency: Competency
    area: Area | None
    families: list[Family]


class Namesake(NamedTuple):
    """A competency a family's roles use, and another of the same name defined differently."""

    used: Definition
    other: Definition


class NamesakeFamily(NamedTuple):
    """A job family whose roles may mean another definition of competencies they use."""

    family: Family
    namesakes: list[Namesake]


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
    namesake_families: list[NamesakeFamily]
    lists_opportunities: bool
    """Whether the data lists opportunities (data/opportunities.yml): the two findings below are about them."""
    ended_opportunities: list[Opportunity]
    """Left out of the site: their last day has passed."""
    undeveloped_competencies: list[Competency]
    """Competencies that no opportunity shown today develops."""


def reviewed_records(guide: Guide) -> list[Reviewed]:
    """Every family, competency, question bank, template, worksheet and opportunity that has an owner or a review date."""
    records = [
        *(Reviewed("Job family", family.name, family_url(family.id), family.origin, family.review) for family in guide.families),
        *(Reviewed("Competency", c.name, competency_url(c.id), c.origin, c.review) for c in guide.competencies.values()),
        *(Reviewed("Question bank", bank.title, None, bank.origin, bank.review) for bank in guide.banks.values()),
        *(Reviewed("Template", t.title, template_url(t.id), t.origin, t.review) for t in guide.templates.values()),
        *(Reviewed("Worksheet", w.title, worksheet_url(w.id), w.origin, w.review) for w in guide.worksheets.values()),
        *(Reviewed("Opportunity", o.title, OPPORTUNITIES_URL, o.origin, o.review) for o in guide.opportunities.values()),
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


def ended_warnings(guide: Guide, today: datetime.date) -> list[DataProblem]:
    """One warning per opportunity whose last day has passed: the site leaves it out."""
    return [
        DataProblem(
            opportunity.origin.path,
            opportunity.origin.line,
            f"warning: opportunity '{opportunity.title}' ended on {opportunity.ends}, so the guide leaves it out: "
            "remove it, or give it new dates",
        )
        for opportunity in guide.opportunities.values()
        if opportunity.ended(today)
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


def _namesake_families(guide: Guide) -> list[NamesakeFamily]:
    """Families whose roles use one of two competencies of one name while the other is unused, or used beside it."""
    users: dict[str, list[str]] = {}  # competency id -> ids of the families whose roles use it, in the families' order
    for family in guide.families:
        for role in family.roles:
            for competency_id in role.skills:
                if family.id not in users.setdefault(competency_id, []):
                    users[competency_id].append(family.id)
    by_name: dict[str, list[Competency]] = {}
    for competency in guide.competencies.values():
        by_name.setdefault(" ".join(competency.name.casefold().split()), []).append(competency)
    families = {family.id: family for family in guide.families}

    def definition(competency: Competency) -> Definition:
        area = guide.areas.get(competency.area_id) if competency.area_id else None
        return Definition(competency, area, [families[f] for f in users.get(competency.id, [])])

    found: dict[str, list[Namesake]] = {}
    for same in by_name.values():
        for used in same:
            for other in same:
                if other.id == used.id:
                    continue
                for family_id in users.get(used.id, []):
                    others = users.get(other.id, [])
                    # A family using both is listed once for the pair, under the first of the two.
                    if not others or (family_id in others and same.index(used) < same.index(other)):
                        found.setdefault(family_id, []).append(Namesake(definition(used), definition(other)))
    return [NamesakeFamily(family, found[family.id]) for family in guide.families if family.id in found]


def content_health(guide: Guide, today: datetime.date) -> ContentHealth:
    roles = [role for family in guide.families for role in family.roles]
    used = {competency for role in roles for competency in role.skills}
    owned = reviewed_records(guide)
    developed = {competency for opportunity in guide.current_opportunities(today) for competency in opportunity.competencies}
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
        namesake_families=_namesake_families(guide),
        lists_opportunities=bool(guide.opportunities),
        ended_opportunities=[opportunity for opportunity in guide.opportunities.values() if opportunity.ended(today)],
        undeveloped_competencies=[competency for competency in guide.competencies.values() if competency.id not in developed],
    )
