"""What changes when someone moves from one role to another, computed from the skills data.

Where roles state what they expect of a competency (their `statements:`),
the statements are the truth: two roles expecting the same step in different
words expect different things, and a move between them says so.
"""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple

from .guide import IMPLICIT_SCALE, Competency, Expectation, Guide, Role

MOVE_LABELS = {"next": "Step up", "lateral": "Lateral move"}
"""How each kind of move is named on pages."""


class Change(Enum):
    """How a competency's expectation changes with a move, in the order pages list them."""

    NEW = "New"
    RAISED = "Raised"
    RESTATED = "Expected differently"
    """The same step, which the target role states in other words."""
    LOWER = "Needed less"
    DROPPED = "No longer needed"
    UNCHANGED = "Same level"


class SkillChange(NamedTuple):
    """How one competency's expected level changes with a move."""

    competency: Competency
    before: int | None
    """Level expected in the current role (None: not asked for)."""
    after: int | None
    """Level expected in the target role (None: not asked for)."""
    before_expectation: Expectation | None = None
    """What the current role states of the competency, where it does."""
    after_expectation: Expectation | None = None
    """What the target role states of the competency, where it does."""

    @property
    def change(self) -> Change:
        if self.before is None:
            return Change.NEW
        if self.after is None:
            return Change.DROPPED
        if self.after < self.before:
            return Change.LOWER
        if self.after > self.before:
            return Change.RAISED
        # A target that states nothing of its own expects the step as the competency describes it: no news.
        if self.statements and self.statements != (self.before_expectation.texts if self.before_expectation else ()):
            return Change.RESTATED
        return Change.UNCHANGED

    @property
    def statements(self) -> tuple[str, ...]:
        """What the target role states of the competency (none where it states nothing, or does not ask for it)."""
        return self.after_expectation.texts if self.after_expectation else ()

    @property
    def expected(self) -> tuple[str, ...]:
        """What the target role expects, as prose items: its statements, else the step's descriptor (none if neither)."""
        if self.after is None:
            return ()
        return self.statements or tuple(filter(None, [self.competency.level_text(self.after)]))

    @property
    def steps(self) -> str:
        """The change in the scale's words: "Practitioner → Expert", "Working knowledge", "was Expert".

        On a scale of numbered levels (a catalogue without named scales): "level 2 → 3"."""
        numbered = self.competency.scale.id == IMPLICIT_SCALE

        def name(rank: int) -> str:
            return f"level {rank}" if numbered else self.competency.step(rank).name

        if self.before is None:
            return name(self.after) if self.after is not None else ""
        if self.after is None:
            return f"was {name(self.before)}"
        if self.before == self.after:
            return name(self.after)
        return f"level {self.before} → {self.after}" if numbered else f"{name(self.before)} → {name(self.after)}"


class Move(NamedTuple):
    """A possible move out of a role."""

    source: Role
    target: Role
    kind: str
    """'next' (a step up) or 'lateral' (a sideways move)."""
    changes: tuple[SkillChange, ...]

    def grouped(self) -> list[tuple[Change, list[SkillChange]]]:
        """The changes by kind, in page order, leaving out empty groups."""
        groups = [(kind, [c for c in self.changes if c.change is kind]) for kind in Change]
        return [(kind, items) for kind, items in groups if items]

    @property
    def differences(self) -> list[SkillChange]:
        """The competencies whose expectation changes (new, raised, expected differently, lower, dropped)."""
        return [change for change in self.changes if change.change is not Change.UNCHANGED]


def skill_changes(guide: Guide, source: Role, target: Role) -> tuple[SkillChange, ...]:
    """Every competency of either role, target's first in its own order, then the dropped ones."""
    order = list(target.skills) + [c for c in source.skills if c not in target.skills]
    return tuple(
        SkillChange(
            guide.competencies[c], source.skills.get(c), target.skills.get(c), source.expectations.get(c), target.expectations.get(c)
        )
        for c in order
    )


def moves_from(guide: Guide, role: Role) -> tuple[Move, ...]:
    """The role's vertical moves, then its lateral ones, as written in the data."""
    return tuple(
        Move(role, guide.roles[target_id], kind, skill_changes(guide, role, guide.roles[target_id])) for kind, target_id in role.moves
    )
