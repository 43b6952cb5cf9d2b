"""Phase 3: check what records say about each other (skills, moves, question filters).

Runs only on records that phases 1 and 2 built; a reference to an id that a
broken file defines is left to that file's own problem (see Problems.all).
"""

from __future__ import annotations

from ..model import Competency, Family, Question, Role
from .problems import Problems, line_of, suggest
from .records import Sourced


def check_roles(roles: list[Sourced[Role]], competencies: dict[str, Competency], problems: Problems) -> None:
    """Each role's skills name competencies and levels they define; its moves name other roles, steps up go up."""
    by_id = {role.id: role for role, _ in roles}
    for role, source in roles:
        where = role.origin.path
        context = f"role '{role.id}': "
        for competency_id, level in role.skills.items():
            competency = competencies.get(competency_id)
            skill_line = line_of(source["skills"], competency_id)
            if competency is None:
                problems.add_dangling(
                    "competencies",
                    competency_id,
                    where,
                    skill_line,
                    f"{context}skill '{competency_id}' is not a competency{suggest(competency_id, competencies)}: "
                    "use an id from data/competencies.yml",
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
                target = by_id.get(target_id)
                move_line = line_of(source[move_kind], index)
                if target_id == role.id:
                    problems.add(where, move_line, f"{context}the role lists itself in '{move_kind}': remove '{target_id}'")
                elif target is None:
                    problems.add_dangling(
                        "career_paths",
                        target_id,
                        where,
                        move_line,
                        f"{context}{move_kind} role '{target_id}' does not exist{suggest(target_id, by_id)}: "
                        "use the id of a role in data/career_paths/",
                    )
                elif move_kind == "next" and target.level <= role.level:
                    problems.add(
                        where,
                        move_line,
                        f"{context}next role '{target_id}' is level {target.level}, not above this "
                        f"role's level {role.level}: list it under 'lateral' instead, or fix the levels",
                    )


def check_question_filters(questions: list[Sourced[Question]], families: list[Family], problems: Problems) -> None:
    """A question limited to some families or roles names ones that exist."""
    family_ids = {family.id for family in families}
    role_ids = {role.id for family in families for role in family.roles}
    for question, source in questions:
        context = f"question '{question.id}': "
        for index, family_id in enumerate(question.families):
            if family_id not in family_ids:
                problems.add_dangling(
                    "career_paths",
                    family_id,
                    question.origin.path,
                    line_of(source["families"], index),
                    f"{context}job family '{family_id}' does not exist{suggest(family_id, family_ids)}: "
                    "use the id of a file in data/career_paths/",
                )
        for index, role_id in enumerate(question.roles):
            if role_id not in role_ids:
                problems.add_dangling(
                    "career_paths",
                    role_id,
                    question.origin.path,
                    line_of(source["roles"], index),
                    f"{context}role '{role_id}' does not exist{suggest(role_id, role_ids)}: use the id of a role in data/career_paths/",
                )
