"""What changes with a move, on a small hand-checked data set."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.loading import load_guide
from macros.model.career_moves import Change, SkillChange, moves_from
from macros.model.guide import Expectation, Guide, Statement

pytestmark = pytest.mark.unit

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def small() -> Guide:
    return load_guide(FIXTURES / "small" / "data")


def test_a_step_up_lists_new_raised_unchanged_and_dropped_skills(small: Guide) -> None:
    (step_up, sideways) = moves_from(small, small.roles["analyst"])
    assert (step_up.target.id, step_up.kind) == ("senior-analyst", "next")
    by_change = {kind: [(c.competency.id, c.before, c.after) for c in items] for kind, items in step_up.grouped()}
    assert by_change == {
        Change.NEW: [("mentoring", None, 1)],
        Change.RAISED: [("analysis", 1, 2)],
        Change.DROPPED: [("tooling", 2, None)],
        Change.UNCHANGED: [("writing", 2, 2)],
    }
    assert list(by_change) == [Change.NEW, Change.RAISED, Change.DROPPED, Change.UNCHANGED], "differences first"
    assert (sideways.target.id, sideways.kind) == ("writer", "lateral")


def test_a_lower_expectation_is_needed_less_not_dropped(small: Guide) -> None:
    (move,) = moves_from(small, small.roles["writer"])
    changes = {c.competency.id: (c.change, c.before, c.after) for c in move.changes}
    assert changes["writing"] == (Change.LOWER, 3, 2)
    writing = next(c for c in move.changes if c.competency.id == "writing")
    assert writing.steps == "level 3 → 2"


def test_a_role_without_moves_has_none(small: Guide) -> None:
    assert moves_from(small, small.roles["senior-analyst"]) == ()


def test_roles_leading_into_a_role(small: Guide) -> None:
    leading = {(role.id, kind) for role, kind in small.roles_leading_to(small.roles["writer"])}
    assert leading == {("analyst", "lateral")}


def test_at_the_same_level_the_target_roles_own_statements_are_the_change(small: Guide) -> None:
    writing = small.competencies["writing"]
    says = Expectation((Statement("Writes the team's release notes."),))
    other = Expectation((Statement("Writes the team's release notes.", ("The notes of May.",)),))
    restated = Expectation((Statement("Edits what the department publishes."),))
    assert SkillChange(writing, 2, 2, says, restated).change is Change.RESTATED
    assert SkillChange(writing, 2, 2, None, restated).change is Change.RESTATED, "the target states what the step means"
    assert SkillChange(writing, 2, 2, says, other).change is Change.UNCHANGED, "the same words, other examples"
    assert SkillChange(writing, 2, 2, says, None).change is Change.UNCHANGED, "the target states nothing new"
    raised = SkillChange(writing, 2, 3, says, restated)
    assert raised.change is Change.RAISED and raised.expected == ("Edits what the department publishes.",)
    assert SkillChange(writing, 2, 3).expected == (writing.level_text(3),), "without statements, the step's descriptor"
    assert SkillChange(writing, 2, None, says).expected == ()
