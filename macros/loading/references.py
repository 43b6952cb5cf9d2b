"""Phase 3: check what records say about each other (skills, moves, question filters, opportunities).

Runs only on records that phases 1 and 2 built; a reference to an id that a
broken file defines is left to that file's own problem (see Problems.all).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from ..model.guide import IMPLICIT_SCALE, Competency, Family, Opportunity, Origin, Question, Role
from .problems import Problems, line_of, suggest
from .records import RawSkill, Sourced


def resolve_skills(
    skills: list[RawSkill], roles: list[Sourced[Role]], competencies: dict[str, Competency], problems: Problems
) -> dict[str, dict[str, int]]:
    """Each role's skills with the rank of the step each names on its competency's scale."""
    where = {role.id: role.origin.path for role, _ in roles}
    by_id = {role.id: role for role, _ in roles}
    resolved: dict[str, dict[str, int]] = {role.id: {} for role, _ in roles}
    for skill in skills:
        if skill.role_id not in resolved:
            continue
        path, context = where[skill.role_id], f"role '{skill.role_id}': "
        competency = competencies.get(skill.competency_id)
        if competency is None:
            problems.add_dangling(
                "competencies",
                skill.competency_id,
                path,
                skill.line,
                f"{context}skill '{skill.competency_id}' is not a competency{suggest(skill.competency_id, competencies)}: "
                "use an id from data/competencies.yml",
                noun="competency",
                by=f"role '{skill.role_id}'",
            )
            continue
        rank = competency.scale.rank_of(skill.level)
        if rank is None:
            problems.add(path, skill.line, f"{context}{_unknown_step(skill, competency)}")
            continue
        resolved[skill.role_id][skill.competency_id] = rank
        expectation = by_id[skill.role_id].expectations.get(skill.competency_id)
        if not competency.level_text(rank) and not (expectation and expectation.statements):
            problems.add(path, skill.line, f"{context}{_unstated(skill, competency, rank)}")
    return resolved


def _unstated(skill: RawSkill, competency: Competency, rank: int) -> str:
    """Nothing says what the expected step means for the role: what to add, and where."""
    step, origin = competency.step(rank).name, competency.origin
    return (
        f"skill '{skill.competency_id}' expects {step}, which nothing describes (this role has no statements: for it, and "
        f"competency '{competency.id}' at {origin.path}:{origin.line} and its scale '{competency.scale.name}' have no descriptor "
        f"for {step}): write what this role expects, e.g. {skill.competency_id}: {{level: {step}, statements: [What someone "
        f"in this role does.]}}, or give the competency levels: with a descriptor for {step}"
    )


def _unknown_step(skill: RawSkill, competency: Competency) -> str:
    steps = competency.scale.steps
    written = f"level {skill.level}" if isinstance(skill.level, int) else f"'{skill.level}'"
    if competency.scale.id == IMPLICIT_SCALE:
        return f"skill '{skill.competency_id}' is set to {written}, but the competency defines levels 1 to {len(steps)}: use one of those"
    named = ", ".join(f"{step.name} ({step.rank})" for step in steps)
    hint = suggest(str(skill.level), [step.name for step in steps]) if isinstance(skill.level, str) else ""
    return (
        f"skill '{skill.competency_id}' is set to {written}{hint}, but its scale '{competency.scale.name}' "
        f"has the steps {named}: use one of those names or numbers"
    )


def check_moves(roles: list[Sourced[Role]], problems: Problems) -> None:
    """Each role's moves name other roles, and steps up go up."""
    by_id = {role.id: role for role, _ in roles}
    by_family: dict[str, list[str]] = {}
    for role, _ in roles:
        by_family.setdefault(role.family_id, []).append(role.id)
    for role, source in roles:
        where = role.origin.path
        context = f"role '{role.id}': "
        for move_kind, targets in (("next", role.next), ("lateral", role.lateral)):
            for index, target_id in enumerate(targets):
                target = by_id.get(target_id)
                move_line = line_of(source[move_kind], index)
                if target_id == role.id:
                    problems.add(where, move_line, f"{context}the role lists itself in '{move_kind}': remove '{target_id}'")
                elif target is None:
                    hint = suggest(target_id, by_id, nearer=by_family.get(role.family_id, ()))
                    fix = (
                        "use the id of a role in data/career_paths/"
                        if hint
                        else "if you removed or renamed that role, remove it from this list too or write its new id; "
                        "role ids are the id: lines in data/career_paths/"
                    )
                    problems.add_dangling(
                        "career_paths",
                        target_id,
                        where,
                        move_line,
                        f"{context}no role has the id '{target_id}' ({move_kind}){hint}: {fix}",
                        noun="role",
                        by=f"role '{role.id}' ({move_kind})",
                    )
                elif move_kind == "next" and target.level <= role.level:
                    problems.add(
                        where,
                        move_line,
                        f"{context}next role '{target_id}' is at {target.level_in_sentence}, not above this "
                        f"role's {role.level_in_sentence}: list it under 'lateral' instead, or fix the levels",
                    )


def _filters(families: list[Family], competencies: dict[str, Competency]) -> tuple[tuple[str, set[str], str, str, str], ...]:
    """The fields of a record that name families, roles or competencies: each with the ids it may
    name, the kind of file defining them, how they are named, and where to find them."""
    family_ids = {family.id for family in families}
    role_ids = {role.id for family in families for role in family.roles}
    return (
        (
            "families",
            family_ids,
            "career_paths",
            "job family",
            "use the id of a file in data/career_paths/, or remove it if that family is gone",
        ),
        ("roles", role_ids, "career_paths", "role", "use the id of a role in data/career_paths/, or remove it if that role is gone"),
        ("competencies", set(competencies), "competencies", "competency", "use an id from data/competencies.yml"),
    )


def _check_named(by: str, path: str, source: Any, filters: tuple[tuple[str, set[str], str, str, str], ...], problems: Problems) -> None:
    """Each id that a record (`by`, written in `source`) names in the fields of `filters` exists, or is a problem at its line."""
    for field, known, kind, noun, fix in filters:
        for index, ident in enumerate(source.get(field, ())):
            if ident not in known:
                problems.add_dangling(
                    kind,
                    ident,
                    path,
                    line_of(source[field], index),
                    f"{by}: {noun} '{ident}' does not exist{suggest(ident, known)}: {fix}",
                    noun=noun,
                    by=by,
                )


def check_question_filters(
    questions: list[Sourced[Question]], families: list[Family], competencies: dict[str, Competency], problems: Problems
) -> None:
    """A question limited to some families or roles, or about some competencies, names ones that exist."""
    filters = _filters(families, competencies)
    for question, source in questions:
        _check_named(f"question '{question.id}'", question.origin.path, source, filters, problems)


def check_opportunities(
    opportunities: list[Sourced[Opportunity]], families: list[Family], competencies: dict[str, Competency], problems: Problems
) -> None:
    """An opportunity names competencies, roles and families that exist, and an opening the role that is open."""
    filters = _filters(families, competencies)
    role_ids = filters[1][1]
    for opportunity, source in opportunities:
        by = f"opportunity '{opportunity.id}'"
        _check_named(by, opportunity.origin.path, source, filters, problems)
        if opportunity.role is not None and opportunity.role not in role_ids:
            problems.add_dangling(
                "career_paths",
                opportunity.role,
                opportunity.origin.path,
                line_of(source, "role"),
                f"{by}: role '{opportunity.role}' does not exist{suggest(opportunity.role, role_ids)}: "
                "write the id of the role that is open, from data/career_paths/",
                noun="role",
                by=f"{by} (role)",
            )


class Renamed(Protocol):
    """A record that may have had other ids: a role, family, competency, template or worksheet."""

    @property
    def id(self) -> str: ...
    @property
    def previous_ids(self) -> tuple[str, ...]: ...
    @property
    def origin(self) -> Origin: ...


def check_previous_ids(records_by_kind: dict[str, Iterable[Renamed]], problems: Problems) -> None:
    """An old id leads to one page: it is not an id in use, nor the old id of two records of the same kind."""
    for kind, records in records_by_kind.items():
        records = list(records)
        current = {record.id for record in records}
        claimed: dict[str, str] = {}
        for record in records:
            where = (record.origin.path, record.origin.line)
            for old in record.previous_ids:
                if old in current:
                    problems.add(
                        *where,
                        f"{kind} '{record.id}' lists '{old}' under previous_ids, but '{old}' is the id of "
                        f"{'this' if old == record.id else 'another'} {kind}: its address can lead to one page only, "
                        f"so remove '{old}' from previous_ids",
                    )
                elif old in claimed:
                    problems.add(
                        *where,
                        f"{kind} '{record.id}' lists '{old}' under previous_ids, and so does {kind} '{claimed[old]}': "
                        "an old address can lead to one page only, so keep it under one of them",
                    )
                else:
                    claimed[old] = record.id
