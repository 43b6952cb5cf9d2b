"""What changes when someone moves from one role to another, computed from the skills data."""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple

from .model import IMPLICIT_SCALE, Competency, Guide, Role

MOVE_LABELS = {"next": "Step up", "lateral": "Lateral move"}
"""How each kind of move is named on pages."""


class Change(Enum):
    """How a competency's expectation changes with a move, in the order pages list them."""

    NEW = "New"
    RAISED = "Raised"
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
        return Change.UNCHANGED

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
        """The competencies whose expectation changes (new, raised, lower, dropped)."""
        return [change for change in self.changes if change.change is not Change.UNCHANGED]


def skill_changes(guide: Guide, source: Role, target: Role) -> tuple[SkillChange, ...]:
    """Every competency of either role, target's first in its own order, then the dropped ones."""
    order = list(target.skills) + [c for c in source.skills if c not in target.skills]
    return tuple(SkillChange(guide.competencies[c], source.skills.get(c), target.skills.get(c)) for c in order)


def moves_from(guide: Guide, role: Role) -> tuple[Move, ...]:
    """The role's vertical moves, then its lateral ones, as written in the data."""
    return tuple(
        Move(role, guide.roles[target_id], kind, skill_changes(guide, role, guide.roles[target_id])) for kind, target_id in role.moves
    )
