"""The data the plan page works on, written once per build as one compact JSON file.

Roles (title, family, track, level, skills as step ranks, moves, the
development requests an employee can make on the way to the role, and what
the role states of each competency where it does), competencies (name, area,
the names of their scale's steps and what each looks like in general, "" where
nothing is written, and the ways to grow into a step where written), families,
and the opportunities the company offers (what each develops, whom it is for,
how to apply, and its entry on /opportunities/). A role's statements are what it expects:
rating oneself against the role shows them before the general text. Texts are
plain: the page shows them as text, never as HTML; several statements of one
competency are one per line. The file grows with the data and nothing else;
`version` changes when the data does.
"""

from __future__ import annotations

import datetime
import hashlib
import html
import json
import re
from typing import Any

from ..model.guide import Guide
from ..model.urls import competency_url, family_url, opportunity_url, role_url
from ..rendering.markup import prose

PLAN_DATA_PATH = "assets/career-data.json"
"""Where the file is published, from the site's root."""

_TAG = re.compile(r"<[^>]+>")


def _plain(markdown: str) -> str:
    """Prose as the plain text a reader sees."""
    return " ".join(html.unescape(_TAG.sub(" ", prose(markdown))).split())


def plan_data(guide: Guide, today: datetime.date | None = None) -> dict[str, Any]:
    """The file's content, with the opportunities shown on `today` (by default the day it is built)."""
    families = {family.id: {"name": family.name, "url": family_url(family.id)} for family in guide.families}
    roles: dict[str, dict[str, Any]] = {}
    for family in guide.families:
        for role in family.roles:
            track = family.track_of(role)
            roles[role.id] = {
                "title": role.title,
                "family": family.id,
                "track": track.name if track else None,
                "level": role.level_label,
                "rank": role.level,
                "url": role_url(role.id),
                "skills": dict(role.skills),
                "moves": [[kind, target] for kind, target in role.moves],
            }
            if role.development:  # what to ask for on the way to the role: "Add to my agenda" writes it as requests
                roles[role.id]["development"] = [_plain(text) for text in role.development]
            statements = {
                competency_id: "\n".join(_plain(text) for text in expectation.texts)
                for competency_id, expectation in role.expectations.items()
                if expectation.statements
            }
            if statements:  # only where the role has some: the file stays small for data without them
                roles[role.id]["statements"] = statements
    competencies: dict[str, dict[str, Any]] = {}
    for competency in guide.competencies.values():
        competencies[competency.id] = {
            "name": competency.name,
            "area": guide.areas[competency.area_id].name if competency.area_id else None,
            "url": competency_url(competency.id),
            "steps": [step.name for step in competency.scale.steps],
            "levels": [_plain(competency.level_text(step.rank)) for step in competency.scale.steps],
        }
        # The ways to grow into each step, by the step's rank, for the gaps a plan shows; only the steps that have some.
        ways = {
            str(rank): [_plain(text) for text in level.development]
            for rank, level in enumerate(competency.levels, start=1)
            if level.development
        }
        if ways:
            competencies[competency.id]["development"] = ways
    # Questions that help explore a competency, for the gaps the reader takes into the conversation;
    # a manager's questions (for a plan shared with them) also by the families and roles they fit.
    questions = [
        {
            "text": _plain(question.text),
            "competencies": list(question.competencies),
            "audience": guide.banks[question.bank_id].audience,
            "topic": question.topic,
            "families": list(question.families),
            "roles": list(question.roles),
        }
        for question in guide.questions.values()
        if question.competencies or guide.banks[question.bank_id].audience == "manager"
    ]
    # A plan kept in a browser or a file, or a shared link, may name a role or competency by an id it had before.
    renamed = {
        "roles": {old: role.id for role in guide.roles.values() for old in role.previous_ids},
        "competencies": {old: competency.id for competency in guide.competencies.values() for old in competency.previous_ids},
    }
    # What the company offers for each gap and target: those whose last day has passed are left out, as on the pages.
    opportunities = [
        {
            "id": opportunity.id,
            "title": opportunity.title,
            "kind": opportunity.kind,
            "competencies": list(opportunity.competencies),
            "roles": list(opportunity.roles),
            "families": list(opportunity.families),
            "role": opportunity.role,
            "contact": opportunity.contact,
            "how_to_apply": _plain(opportunity.how_to_apply),
            "url": opportunity_url(opportunity.id),
        }
        for opportunity in guide.current_opportunities(today or datetime.date.today())
    ]
    data = {
        "company": guide.company.name,
        "families": families,
        "roles": roles,
        "competencies": competencies,
        "questions": questions,
        "opportunities": opportunities,
        "renamed": renamed,
    }
    version = hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:10]
    return {"format": "career-guide-plan-data/1", "version": version, **data}


def plan_data_json(guide: Guide, today: datetime.date | None = None) -> str:
    return json.dumps(plan_data(guide, today), ensure_ascii=False, separators=(",", ":"))
