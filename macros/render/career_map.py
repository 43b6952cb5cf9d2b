"""Where career maps place their roles and moves; `career-map.html` draws them as SVG.

No script and no third-party request: the map is drawn at build time.

Roles sit in columns (one per job family, or one per track of a family that
has tracks, side by side) and rows (one per level, highest at the top); arrows show vertical moves (solid) and lateral moves (dashed). Every
node is an ordinary HTML link inside a `<foreignObject>`: its title wraps as
text does, reads and copies as one phrase, and behaves like any other link for
Material's instant navigation (an SVG `<a>` has a read-only `href`, which
Material's link rewriting cannot assign). A text list of the same moves goes
with every map, for screen readers and for readers who prefer text.
"""

from __future__ import annotations

from typing import NamedTuple

from ..model import Family, Guide, Role
from .views import track_columns

NODE_WIDTH = 168
NODE_HEIGHT = 58
COLUMN_GAP = 36
ROW_GAP = 44
MARGIN = 16
HEADER = 30
PORTRAIT_WIDTH = 800
"""Wider maps are printed on a landscape page of their own, so their text stays legible."""


class _Node(NamedTuple):
    """A role drawn on a map, at its position; external roles belong to another family."""

    role: Role
    x: float
    y: float
    external: bool


def _layout(
    columns: list[tuple[str, list[Role]]], external_column: int | None
) -> tuple[dict[str, _Node], list[tuple[str, float]], float, float]:
    levels = sorted({role.level for _, roles in columns for role in roles}, reverse=True)
    row_of = {level: index for index, level in enumerate(levels)}
    nodes: dict[str, _Node] = {}
    headings: list[tuple[str, float]] = []
    x = float(MARGIN)
    for index, (heading, roles) in enumerate(columns):
        per_level: dict[int, list[Role]] = {}
        for role in roles:
            per_level.setdefault(role.level, []).append(role)
        width_in_nodes = max((len(group) for group in per_level.values()), default=1)
        column_width = width_in_nodes * NODE_WIDTH + (width_in_nodes - 1) * COLUMN_GAP / 2
        headings.append((heading, x + column_width / 2))
        for level, group in per_level.items():
            for slot, role in enumerate(group):
                y = MARGIN + HEADER + row_of[level] * (NODE_HEIGHT + ROW_GAP)
                nodes[role.id] = _Node(role, x + slot * (NODE_WIDTH + COLUMN_GAP / 2), y, index == external_column)
        x += column_width + COLUMN_GAP
    height = MARGIN * 2 + HEADER + len(levels) * (NODE_HEIGHT + ROW_GAP) - ROW_GAP
    return nodes, headings, x - COLUMN_GAP + MARGIN, height


class Edge(NamedTuple):
    """A move drawn as a line from one node's border to the other's."""

    kind: str  # 'next' or 'lateral'
    x1: float
    y1: float
    x2: float
    y2: float


def _edge(source: _Node, target: _Node, kind: str) -> Edge:
    sx, sy = source.x + NODE_WIDTH / 2, source.y + NODE_HEIGHT / 2
    tx, ty = target.x + NODE_WIDTH / 2, target.y + NODE_HEIGHT / 2
    # Leave from and arrive at the node's border, not its centre.
    if abs(tx - sx) * NODE_HEIGHT > abs(ty - sy) * NODE_WIDTH:
        direction = 1 if tx > sx else -1
        sx += direction * NODE_WIDTH / 2
        tx -= direction * (NODE_WIDTH / 2 + 4)
    else:
        direction = 1 if ty > sy else -1
        sy += direction * NODE_HEIGHT / 2
        ty -= direction * (NODE_HEIGHT / 2 + 4)
    return Edge(kind, sx, sy, tx, ty)


class CareerMap(NamedTuple):
    """Everything `career-map.html` draws: sizes, column headings, nodes and edges."""

    caption: str
    width: float
    height: float
    wide: bool
    """Wider than a portrait page: printed on a landscape page of its own."""
    headings: list[tuple[str, float]]
    heading_y: float
    nodes: list[_Node]
    edges: list[Edge]
    family_names: dict[str, str]
    node_width: int = NODE_WIDTH
    node_height: int = NODE_HEIGHT


def career_map(guide: Guide, families: list[Family], *, caption: str) -> CareerMap:
    """The map of `families` with their moves; moves leaving them end in an 'other families' column."""
    inside = {role.id for family in families for role in family.roles}
    columns = [
        (
            f"{family.name}: {group.track.name}" if group.track and len(families) > 1 else group.track.name if group.track else family.name,
            group.roles,
        )
        for family in families
        for group in track_columns(family)
    ]
    outside = [guide.roles[target] for family in families for role in family.roles for _, target in role.moves if target not in inside]
    outside = list({role.id: role for role in outside}.values())
    external_column = None
    if outside:
        external_column = len(columns)
        columns.append(("Other families", sorted(outside, key=lambda role: (role.level, role.title))))
    nodes, headings, width, height = _layout(columns, external_column)
    edges = [_edge(nodes[role.id], nodes[target], kind) for family in families for role in family.roles for kind, target in role.moves]
    family_names = {family.id: family.name for family in guide.families}
    return CareerMap(caption, width, height, width > PORTRAIT_WIDTH, headings, MARGIN + 12, list(nodes.values()), edges, family_names)
