"""The data the plan page works on, written once per build as one compact JSON file.

Roles (title, family, track, level, skills as step ranks, moves, and what the
role states of each competency where it does), competencies (name, area, the
names of their scale's steps and what each looks like in general, "" where
nothing is written) and families. A role's statements are what it expects:
rating oneself against the role shows them before the general text. Texts are
plain: the page shows them as text, never as HTML; several statements of one
competency are one per line. The file grows with the data and nothing else;
`version` changes when the data does.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from typing import Any

from ..model.guide import Guide
from ..model.urls import competency_url, family_url, role_url
from ..rendering.markup import prose

PLAN_DATA_PATH = "assets/career-data.json"
"""Where the file is published, from the site's root."""

_TAG = re.compile(r"<[^>]+>")


def _plain(markdown: str) -> str:
    """Prose as the plain text a reader sees."""
    return " ".join(html.unescape(_TAG.sub(" ", prose(markdown))).split())


def plan_data(guide: Guide) -> dict[str, Any]:
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
                "development": bool(role.development),
            }
            statements = {
                competency_id: "\n".join(_plain(text) for text in expectation.texts)
                for competency_id, expectation in role.expectations.items()
                if expectation.statements
            }
            if statements:  # only where the role has some: the file stays small for data without them
                roles[role.id]["statements"] = statements
    competencies = {
        competency.id: {
            "name": competency.name,
            "area": guide.areas[competency.area_id].name if competency.area_id else None,
            "url": competency_url(competency.id),
            "steps": [step.name for step in competency.scale.steps],
            "levels": [_plain(competency.level_text(step.rank)) for step in competency.scale.steps],
        }
        for competency in guide.competencies.values()
    }
    # Questions that help explore a competency, for the gaps the reader takes into the conversation.
    questions = [
        {"text": _plain(question.text), "competencies": list(question.competencies)}
        for question in guide.questions.values()
        if question.competencies
    ]
    # A plan kept in a browser or a file, or a shared link, may name a role or competency by an id it had before.
    renamed = {
        "roles": {old: role.id for role in guide.roles.values() for old in role.previous_ids},
        "competencies": {old: competency.id for competency in guide.competencies.values() for old in competency.previous_ids},
    }
    data = {
        "company": guide.company.name,
        "families": families,
        "roles": roles,
        "competencies": competencies,
        "questions": questions,
        "renamed": renamed,
    }
    version = hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:10]
    return {"format": "career-guide-plan-data/1", "version": version, **data}


def plan_data_json(guide: Guide) -> str:
    return json.dumps(plan_data(guide), ensure_ascii=False, separators=(",", ":"))
