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

from bisect import bisect_left, bisect_right
from itertools import pairwise
from typing import NamedTuple

from ..model.guide import Family, Guide, Role
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
    """A move drawn as a line from one node's border to the other's, bending around the boxes in between."""

    kind: str  # 'next' or 'lateral'
    points: list[tuple[float, float]]

    @property
    def svg_points(self) -> str:
        return " ".join(f"{x:.0f},{y:.0f}" for x, y in self.points)


def _straight(source: _Node, target: _Node) -> list[tuple[float, float]]:
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
    return [(sx, sy), (tx, ty)]


def _crosses(x1: float, y1: float, x2: float, y2: float, box: _Node) -> bool:
    """Whether the segment passes through the inside of `box` (Liang-Barsky clipping, half a pixel inside its edge)."""
    low, high = 0.0, 1.0
    dx, dy = x2 - x1, y2 - y1
    left, right, top, bottom = box.x + 0.5, box.x + NODE_WIDTH - 0.5, box.y + 0.5, box.y + NODE_HEIGHT - 0.5
    for p, q in ((-dx, x1 - left), (dx, right - x1), (-dy, y1 - top), (dy, bottom - y1)):
        if p == 0:
            if q <= 0:
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low >= high:
            return False
    return True


class _Boxes:
    """The boxes of a map by row, each row by position: a line is checked against the few boxes near it,
    so that a map with thousands of roles costs no more per move than a small one."""

    def __init__(self, nodes: list[_Node]) -> None:
        self.rows: dict[float, list[_Node]] = {}
        for node in sorted(nodes, key=lambda node: node.x):
            self.rows.setdefault(node.y, []).append(node)
        self.starts = {y: [node.x for node in row] for y, row in self.rows.items()}
        self.bottom_row_y = max(self.rows, default=0.0)

    def crossed(self, points: list[tuple[float, float]], ends: tuple[str, str]) -> bool:
        """Whether the line through `points` passes through a box other than those of `ends`."""
        for (x1, y1), (x2, y2) in pairwise(points):
            for y, row in self.rows.items():
                if y + NODE_HEIGHT < min(y1, y2) or y > max(y1, y2):
                    continue
                xs = self.starts[y]
                first = bisect_left(xs, min(x1, x2) - NODE_WIDTH)
                last = bisect_right(xs, max(x1, x2))
                if any(node.role.id not in ends and _crosses(x1, y1, x2, y2, node) for node in row[first:last]):
                    return True
        return False


def _around(source: _Node, target: _Node, bottom_row_y: float) -> list[tuple[float, float]]:
    """A route that keeps to the gaps between rows and columns, where no box is.

    Out of the source's top or bottom into the gap between rows, sideways to the
    gap beside the source's column, up or down that gap to the gap beside the
    target's row, sideways above or below the target, and into it.
    """
    sx, tx = source.x + NODE_WIDTH / 2, target.x + NODE_WIDTH / 2
    half_gap = ROW_GAP / 2
    if target.y < source.y or (target.y == source.y and source.y == bottom_row_y):
        start, y_source = (sx, source.y), source.y - half_gap
    else:
        start, y_source = (sx, source.y + NODE_HEIGHT), source.y + NODE_HEIGHT + half_gap
    if target.y < source.y:
        y_target, end = target.y + NODE_HEIGHT + half_gap, (tx, target.y + NODE_HEIGHT + 4)
    elif target.y > source.y:
        y_target, end = target.y - half_gap, (tx, target.y - 4)
    else:
        y_target = y_source
        end = (tx, target.y - 4) if y_source < source.y else (tx, target.y + NODE_HEIGHT + 4)
    # The gap beside the source, on the target's side: half the narrowest gap (between two roles of one level).
    side = source.x - COLUMN_GAP / 4 if tx < sx else source.x + NODE_WIDTH + COLUMN_GAP / 4
    return [start, (sx, y_source), (side, y_source), (side, y_target), (tx, y_target), end]


def _edge(source: _Node, target: _Node, kind: str, boxes: _Boxes) -> Edge:
    """A straight line when no other box is in the way, else a route around them."""
    points = _straight(source, target)
    if boxes.crossed(points, (source.role.id, target.role.id)):
        points = _around(source, target, boxes.bottom_row_y)
    return Edge(kind, points)


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
    # Moves into the families, from roles of other families, are drawn too.
    incoming = [
        (before, kind, role.id)
        for family in families
        for role in family.roles
        for before, kind in guide.roles_leading_to(role)
        if before.id not in inside
    ]
    outside += [role for role, _, _ in incoming]
    outside = list({role.id: role for role in outside}.values())
    external_column = None
    if outside:
        external_column = len(columns)
        columns.append(("Other families", sorted(outside, key=lambda role: (role.level, role.title))))
    nodes, headings, width, height = _layout(columns, external_column)
    boxes = _Boxes(list(nodes.values()))
    moves = [(role, kind, target) for family in families for role in family.roles for kind, target in role.moves] + incoming
    edges = [_edge(nodes[role.id], nodes[target], kind, boxes) for role, kind, target in moves]
    family_names = {family.id: family.name for family in guide.families}
    return CareerMap(caption, width, height, width > PORTRAIT_WIDTH, headings, MARGIN + 12, list(nodes.values()), edges, family_names)
