"""Where career maps place their roles and moves; `career-map.html` draws them as SVG.

No script and no third-party request: the map is drawn at build time.

Roles sit in columns (one per job family, or one per track of a family that
has tracks, side by side) and rows (one per level, highest at the top); arrows
show vertical moves (solid) and lateral moves (dashed). Every node is an
ordinary HTML link inside a `<foreignObject>`: its title wraps as text does,
reads and copies as one phrase, and behaves like any other link for Material's
instant navigation (an SVG `<a>` has a read-only `href`, which Material's link
rewriting cannot assign). Column headings are HTML too, so that they wrap
within their column. A text list of the same moves goes with every map, for
screen readers and for readers who prefer text.

A line must never read as a move that is not in the data, so no two lines
share a point or run along each other, and none ends on another: each end of a
line has a place of its own on its box's border (a port), a line bent around
boxes keeps to a lane of its own in the gaps between rows and columns, and a
straight line that would touch another is bent around the boxes instead. Lines
may cross, at an angle, as roads do.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import pairwise
from typing import NamedTuple

from ..model.guide import Family, Guide, Role, Track
from .views import track_columns

NODE_WIDTH = 168
NODE_HEIGHT = 58
COLUMN_GAP = 36
SLOT_GAP = 28
"""Between two roles of one level in one column."""
ROW_GAP = 48
MARGIN = 16
PORTRAIT_WIDTH = 800
"""Wider maps are printed on a landscape page of their own, so their text stays legible."""

HEADING_LINE = 17
"""Height of a line of a column heading (13 px bold type, line height 1.3)."""
HEADING_CHARACTER = 9.0
"""A generous width of one character of a column heading, to reserve enough lines for it: the
browser wraps the heading itself, within its column, and a line too many is only space."""
ARROW_GAP = 4
"""How far before its box a line stops, for its arrowhead to show."""
LANE = 6
"""Distance between two lines that run side by side in a gap."""
TOUCH = 3.0
"""Lines closer than this read as touching."""
AWAY = 12
"""Distance between the two lines of moves both ways between two boxes side by side or one above the
other: their arrowheads (11 px across) keep apart."""


class _Node(NamedTuple):
    """A role drawn on a map, at its position; external roles belong to another family."""

    role: Role
    x: float
    y: float
    external: bool


class HeadingBox(NamedTuple):
    """Where a column heading is written: over its column, from `x`, `width` wide; one line per part."""

    x: float
    width: float
    lines: tuple[str, ...]


class _Column(NamedTuple):
    lines: tuple[str, ...]
    roles: list[Role]
    external: bool


def _heading_lines(text: str, width: float) -> int:
    """How many lines `text` takes in `width`, wrapped between words, reckoning with wide letters."""
    lines, used = 1, 0.0
    for word in text.split():
        needed = len(word) * HEADING_CHARACTER
        if used and used + HEADING_CHARACTER + needed > width:
            lines, used = lines + 1, needed
        else:
            used += (HEADING_CHARACTER if used else 0) + needed
    return lines


class _Grid(NamedTuple):
    nodes: dict[str, _Node]
    headings: list[HeadingBox]
    header: float
    slots: list[float]
    """The left side of every place a box can take, across the map, in order."""
    rows: list[float]
    """The top of every row, top first."""
    width: float
    bottom_gap: float
    """The gap under the last row, where lines between its boxes run."""


def _layout(columns: list[_Column], row_gaps: dict[int, float] | None = None, place_gaps: dict[int, float] | None = None) -> _Grid:
    """Boxes in rows and places, with the gaps between them as wide as `row_gaps` (gap i under row i)
    and `place_gaps` (gap i left of place i) ask, and at least their usual size."""
    row_gaps, place_gaps = row_gaps or {}, place_gaps or {}
    levels = sorted({role.level for column in columns for role in column.roles}, reverse=True)
    row_of = {level: index for index, level in enumerate(levels)}
    placed: list[tuple[Role, float, int, bool]] = []
    headings: list[HeadingBox] = []
    slots: list[float] = []
    x = 0.0
    for column in columns:
        per_level: dict[int, list[Role]] = {}
        for role in column.roles:
            per_level.setdefault(role.level, []).append(role)
        width_in_nodes = max((len(group) for group in per_level.values()), default=1)
        places = []
        for slot in range(width_in_nodes):
            usual = SLOT_GAP if slot else COLUMN_GAP if slots else MARGIN
            x += max(usual, place_gaps.get(len(slots), 0.0))
            places.append(x)
            slots.append(x)
            x += NODE_WIDTH
        headings.append(HeadingBox(places[0], x - places[0], column.lines))
        for level, group in per_level.items():
            for slot, role in enumerate(group):
                placed.append((role, places[slot], row_of[level], column.external))
    lines = max((sum(_heading_lines(line, heading.width) for line in heading.lines) for heading in headings), default=1)
    header = lines * HEADING_LINE + 12
    rows: list[float] = []
    y = float(MARGIN + header)
    for index in range(len(levels)):
        rows.append(y)
        y += NODE_HEIGHT + max(ROW_GAP, row_gaps.get(index, 0.0))
    nodes = {role.id: _Node(role, x, rows[row], external) for role, x, row, external in placed}
    width = x + max(MARGIN, place_gaps.get(len(slots), 0.0))
    return _Grid(nodes, headings, header, slots, rows, width, max(ROW_GAP, row_gaps.get(len(levels) - 1, 0.0)))


class Edge(NamedTuple):
    """A move drawn as a line from one node's border to the other's, bending around the boxes in between."""

    kind: str  # 'next' or 'lateral'
    points: list[tuple[float, float]]
    ends: tuple[str, str]
    """The roles it joins: from, to."""

    @property
    def svg_points(self) -> str:
        return " ".join(f"{x:.0f},{y:.0f}" for x, y in self.points)


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

    def crossed(self, points: list[tuple[float, float]], ends: tuple[str, str]) -> bool:
        """Whether the line through `points` passes through a box other than those of `ends`."""
        for (x1, y1), (x2, y2) in pairwise(points):
            for y, row in self.rows.items():
                # Only the part of the segment level with the row can meet its boxes: a long slanting
                # line is compared with the few boxes it passes, not every box between its ends.
                span = _x_span(Segment(x1, y1, x2, y2), y, y + NODE_HEIGHT)
                if span is None:
                    continue
                xs = self.starts[y]
                first = bisect_left(xs, span[0] - NODE_WIDTH)
                last = bisect_right(xs, span[1])
                if any(node.role.id not in ends and _crosses(x1, y1, x2, y2, node) for node in row[first:last]):
                    return True
        return False


# ---------- how each move is drawn ----------

TOP, BOTTOM, LEFT, RIGHT = "top", "bottom", "left", "right"

# The places on a side, from its middle and in order along it, that ends of lines other than straight aligned ones take.
# Tops and bottoms use different places, so that the line out of a box's bottom never meets the
# line into the top of the box below; the middle is kept for a straight line between the two.
PORTS = {
    TOP: [-66.0, -42.0, -18.0, 18.0, 42.0, 66.0],
    BOTTOM: [-78.0, -54.0, -30.0, 30.0, 54.0, 78.0],
    LEFT: [-18.0, 18.0],
    RIGHT: [-12.0, 12.0],
}
HALF_SIDE = {TOP: NODE_WIDTH / 2, BOTTOM: NODE_WIDTH / 2, LEFT: NODE_HEIGHT / 2, RIGHT: NODE_HEIGHT / 2}


class _Move(NamedTuple):
    number: int
    kind: str
    source: _Node
    target: _Node


class _Plan(NamedTuple):
    """How a move is drawn: `straight` (one segment) or `around` (through the gaps), and the sides it leaves and enters."""

    shape: str
    source_side: str
    target_side: str
    aligned: bool = False
    """A straight line between two boxes one above the other, or side by side: it keeps to their middle."""


def _centre(node: _Node) -> tuple[float, float]:
    return node.x + NODE_WIDTH / 2, node.y + NODE_HEIGHT / 2


def _side_point(node: _Node, side: str, offset: float = 0.0) -> tuple[float, float]:
    cx, cy = _centre(node)
    return {
        TOP: (cx + offset, node.y),
        BOTTOM: (cx + offset, node.y + NODE_HEIGHT),
        LEFT: (node.x, cy + offset),
        RIGHT: (node.x + NODE_WIDTH, cy + offset),
    }[side]


def _outside(point: tuple[float, float], side: str) -> tuple[float, float]:
    """`point` on a side of a box, moved out of the box far enough for an arrowhead."""
    x, y = point
    return {TOP: (x, y - ARROW_GAP), BOTTOM: (x, y + ARROW_GAP), LEFT: (x - ARROW_GAP, y), RIGHT: (x + ARROW_GAP, y)}[side]


def _straight_plan(move: _Move, boxes: _Boxes) -> _Plan | None:
    """A straight line between the boxes' facing sides, when no other box is in its way."""
    source, target = move.source, move.target
    (sx, sy), (tx, ty) = _centre(source), _centre(target)
    if abs(tx - sx) * NODE_HEIGHT > abs(ty - sy) * NODE_WIDTH:
        sides = (RIGHT, LEFT) if tx > sx else (LEFT, RIGHT)
    else:
        sides = (BOTTOM, TOP) if ty > sy else (TOP, BOTTOM)
    aligned = source.x == target.x if sides[0] in (TOP, BOTTOM) else source.y == target.y
    points = [_side_point(source, sides[0]), _side_point(target, sides[1])]
    if boxes.crossed(points, (source.role.id, target.role.id)):
        return None
    return _Plan("straight", *sides, aligned=aligned)


def _around_plan(move: _Move) -> _Plan:
    """Out of the source's top or bottom into the gap between rows, and into the target's bottom or top.

    Between boxes of one row, the line goes below the row."""
    source, target = move.source, move.target
    if target.y < source.y:
        return _Plan("around", TOP, BOTTOM)
    return _Plan("around", BOTTOM, BOTTOM if target.y == source.y else TOP)


class _Channels:
    """The gaps of a map where bent lines run: between rows (and under the last), and between places."""

    def __init__(self, grid: _Grid) -> None:
        self.rows = grid.rows
        self.slots = grid.slots
        self.width = grid.width
        self.bottom_gap = grid.bottom_gap

    def row_gap(self, node: _Node, side: str) -> int:
        """The gap under row i is gap i; the gap above row i is gap i - 1."""
        row = self.rows.index(node.y)
        return row if side == BOTTOM else row - 1

    def row_gap_size(self, gap: int) -> float:
        return self.rows[gap + 1] - self.rows[gap] - NODE_HEIGHT if gap + 1 < len(self.rows) else self.bottom_gap

    def row_gap_middle(self, gap: int) -> float:
        return self.rows[gap] + NODE_HEIGHT + self.row_gap_size(gap) / 2

    def beside(self, node: _Node, rightwards: bool) -> int:
        """The gap between places beside `node`, on one side: gap i is left of place i (the last is right of the last place)."""
        place = self.slots.index(node.x)
        return place + 1 if rightwards else place

    def place_gap_bounds(self, gap: int) -> tuple[float, float]:
        left = self.slots[gap - 1] + NODE_WIDTH if gap > 0 else 0.0
        right = self.slots[gap] if gap < len(self.slots) else self.width
        return left, right

    def place_gap_size(self, gap: int) -> float:
        left, right = self.place_gap_bounds(gap)
        return right - left


def _lanes(intervals: list[tuple[float, float, int]]) -> dict[int, int]:
    """Lane numbers for lines along one gap, each line given by where it runs (from, to) and its move:
    lines whose runs overlap, or come near, get different lanes (the fewest: by start, first free lane)."""
    lanes: dict[int, int] = {}
    busy: list[tuple[float, int]] = []
    """Lanes in use, by where their last line ends."""
    free: list[int] = []
    """Lanes whose last line ends before the runs still to place begin (they begin ever further on)."""
    for start, end, index in sorted(intervals):
        while busy and start > busy[0][0] + 2 * LANE:
            heapq.heappush(free, heapq.heappop(busy)[1])
        lane = heapq.heappop(free) if free else len(busy) + len(free)
        lanes[index] = lane
        heapq.heappush(busy, (end, lane))
    return lanes


ROW_LANE_MARGIN = ARROW_GAP + 10
"""Room left between a box and the nearest lane of the gap beside it: for an arrowhead (11 px long) before the box."""
PLACE_LANE_MARGIN = 4.0


def _lane_offset(lane: int, count: int, room: float) -> float:
    """Where lane `lane` of `count` runs, from the middle of a gap with `room` on either side: 0, -1, +1, -2, +2...
    Gaps are made wide enough for their lanes (`_gap_for`); lanes close up only if one is not."""
    step = LANE if count <= 1 else min(LANE, room / (count // 2 or 1))
    place = (lane + 1) // 2
    return step * place * (1 if lane % 2 == 0 else -1) if lane else 0.0


def _gap_for(lanes: int, margin: float) -> float:
    """The width of a gap that holds `lanes` lanes, LANE apart around its middle, `margin` clear of its sides."""
    return 2 * (lanes // 2 * LANE + margin)


def _places(side: str, side_ends: list[tuple[float, int, str]], node: _Node) -> list[float]:
    """The places, from the middle of a side, of the ends of lines on it, in the order of where the lines head:
    those heading left of the box (or above it) on the left (or upper) half, the others on the other half."""
    middle = _centre(node)[0 if side in (TOP, BOTTOM) else 1]
    before = sum(1 for toward, _, _ in side_ends if toward < middle)
    count = len(side_ends)
    places = PORTS[side]
    if count > len(places):
        # More lines than places: spread evenly along the side, clear of its middle.
        half = HALF_SIDE[side] - 6
        spread = [-half + 2 * half * n / count for n in range(count + 1)]
        spread.remove(min(spread, key=abs))
        return spread
    # The places next to the middle, as many on each half as lines head that way, or as near to that as there are places.
    negative = sum(1 for place in places if place < 0)
    start = min(max(negative - before, 0), len(places) - count)
    return places[start : start + count]


class _Drawing(NamedTuple):
    points: dict[int, list[tuple[float, float]]]
    lowest: float
    """The lowest point a line reaches."""
    row_gaps: dict[int, float]
    place_gaps: dict[int, float]
    """How wide each gap must be for its lanes."""


def _draw(moves: list[_Move], plans: dict[int, _Plan], grid: _Grid) -> _Drawing:
    """Every move's points, given how each is drawn."""
    channels = _Channels(grid)
    # Ports: each end of a line has its own place on its box's side.
    ends: dict[tuple[str, str], list[tuple[float, int, str]]] = defaultdict(list)
    aligned_pairs: dict[tuple[str, str], list[int]] = defaultdict(list)
    for move in moves:
        plan = plans[move.number]
        source, target = move.source, move.target
        if plan.aligned:
            aligned_pairs[(min(source.role.id, target.role.id), max(source.role.id, target.role.id))].append(move.number)
            continue
        # Ends are ordered along a side by where their line heads, so that lines leave without crossing.
        (sx, sy), (tx, ty) = _centre(source), _centre(target)
        if plan.shape == "around" and channels.row_gap(source, plan.source_side) != channels.row_gap(target, plan.target_side):
            toward_source = toward_target = -math.inf if tx < sx else math.inf
        else:
            toward_source, toward_target = (tx, sx) if plan.source_side in (TOP, BOTTOM) else (ty, sy)
        ends[(source.role.id, plan.source_side)].append((toward_source, move.number, "source"))
        ends[(target.role.id, plan.target_side)].append((toward_target, move.number, "target"))
    offsets: dict[tuple[int, str], float] = {}
    for pair_moves in aligned_pairs.values():
        for position, index in enumerate(sorted(pair_moves)):
            offset = (position - (len(pair_moves) - 1) / 2) * AWAY
            offsets[(index, "source")] = offsets[(index, "target")] = offset
    for (role, side), side_ends in ends.items():
        for (_, index, which), place in zip(sorted(side_ends), _places(side, side_ends, grid.nodes[role]), strict=True):
            offsets[(index, which)] = place

    points: dict[int, list[tuple[float, float]]] = {}
    # Bent lines: their runs along the gaps, to give each a lane.
    row_runs: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    place_runs: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    bends: dict[int, tuple[int, int, int | None, tuple[float, float], tuple[float, float]]] = {}
    for move in moves:
        plan = plans[move.number]
        start = _side_point(move.source, plan.source_side, offsets[(move.number, "source")])
        end = _side_point(move.target, plan.target_side, offsets[(move.number, "target")])
        if plan.shape == "straight":
            points[move.number] = [start, _outside(end, plan.target_side)]
            continue
        source_gap = channels.row_gap(move.source, plan.source_side)
        target_gap = channels.row_gap(move.target, plan.target_side)
        if source_gap == target_gap:
            row_runs[source_gap].append((min(start[0], end[0]), max(start[0], end[0]), move.number))
            bends[move.number] = (source_gap, target_gap, None, start, end)
            continue
        rightwards = _centre(move.target)[0] >= _centre(move.source)[0]
        place_gap = channels.beside(move.source, rightwards)
        left, right = channels.place_gap_bounds(place_gap)
        source_y, target_y = channels.row_gap_middle(source_gap), channels.row_gap_middle(target_gap)
        # A run that turns in a gap between places claims all of it: its lane there is not known yet.
        row_runs[source_gap].append((min(start[0], left), max(start[0], right), move.number))
        row_runs[target_gap].append((min(end[0], left), max(end[0], right), move.number))
        place_runs[place_gap].append((min(source_y, target_y), max(source_y, target_y), move.number))
        bends[move.number] = (source_gap, target_gap, place_gap, start, end)
    row_lanes = {gap: _lanes(runs) for gap, runs in row_runs.items()}
    place_lanes = {gap: _lanes(runs) for gap, runs in place_runs.items()}
    row_count = {gap: max(lanes.values()) + 1 for gap, lanes in row_lanes.items()}
    place_count = {gap: max(lanes.values()) + 1 for gap, lanes in place_lanes.items()}

    def row_lane(gap: int, index: int) -> float:
        room = channels.row_gap_size(gap) / 2 - ROW_LANE_MARGIN
        return channels.row_gap_middle(gap) + _lane_offset(row_lanes[gap][index], row_count[gap], room)

    lowest = 0.0
    for index, (source_gap, target_gap, between, start, end) in bends.items():
        plan = plans[index]
        source_y = row_lane(source_gap, index)
        if between is None:
            points[index] = [start, (start[0], source_y), (end[0], source_y), _outside(end, plan.target_side)]
            lowest = max(lowest, source_y)
            continue
        target_y = row_lane(target_gap, index)
        left, right = channels.place_gap_bounds(between)
        room = (right - left) / 2 - PLACE_LANE_MARGIN
        x = (left + right) / 2 + _lane_offset(place_lanes[between][index], place_count[between], room)
        points[index] = [start, (start[0], source_y), (x, source_y), (x, target_y), (end[0], target_y), _outside(end, plan.target_side)]
        lowest = max(lowest, source_y, target_y)
    return _Drawing(
        points,
        lowest,
        {gap: _gap_for(count, ROW_LANE_MARGIN) for gap, count in row_count.items()},
        {gap: _gap_for(count, PLACE_LANE_MARGIN) for gap, count in place_count.items()},
    )


# ---------- lines that touch ----------


class Segment(NamedTuple):
    x1: float
    y1: float
    x2: float
    y2: float


def _distance_to(px: float, py: float, segment: Segment) -> float:
    x1, y1, x2, y2 = segment
    dx, dy = x2 - x1, y2 - y1
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - x1) * dx + (py - y1) * dy) / length))
    return math.hypot(px - x1 - t * dx, py - y1 - t * dy)


def _side(ax: float, ay: float, bx: float, by: float, px: float, py: float) -> float:
    return (bx - ax) * (py - ay) - (by - ay) * (px - ax)


def contact(one: Segment, other: Segment) -> tuple[float, float] | None:
    """Where two segments touch or run along each other, closer than TOUCH; None where they stay apart
    or cross cleanly (at an angle of 30 degrees or more, away from either's ends), as roads cross."""
    a, b = one, other
    if min(a.x1, a.x2) > max(b.x1, b.x2) + TOUCH or min(b.x1, b.x2) > max(a.x1, a.x2) + TOUCH:
        return None
    if min(a.y1, a.y2) > max(b.y1, b.y2) + TOUCH or min(b.y1, b.y2) > max(a.y1, a.y2) + TOUCH:
        return None
    d1 = _side(a.x1, a.y1, a.x2, a.y2, b.x1, b.y1)
    d2 = _side(a.x1, a.y1, a.x2, a.y2, b.x2, b.y2)
    d3 = _side(b.x1, b.y1, b.x2, b.y2, a.x1, a.y1)
    d4 = _side(b.x1, b.y1, b.x2, b.y2, a.x2, a.y2)
    if d1 * d2 < 0 and d3 * d4 < 0:
        t = d3 / (d3 - d4)
        ax, ay, bx, by = a.x2 - a.x1, a.y2 - a.y1, b.x2 - b.x1, b.y2 - b.y1
        x, y = a.x1 + t * ax, a.y1 + t * ay
        # At 30 degrees or more the sine of the angle between them is at least a half.
        steep = (ax * by - ay * bx) ** 2 >= 0.25 * (ax * ax + ay * ay) * (bx * bx + by * by)
        ends = ((a.x1, a.y1), (a.x2, a.y2), (b.x1, b.y1), (b.x2, b.y2))
        clean = steep and all((x - ex) ** 2 + (y - ey) ** 2 > TOUCH * TOUCH for ex, ey in ends)
        return None if clean else (x, y)
    candidates = [
        (_distance_to(a.x1, a.y1, b), (a.x1, a.y1)),
        (_distance_to(a.x2, a.y2, b), (a.x2, a.y2)),
        (_distance_to(b.x1, b.y1, a), (b.x1, b.y1)),
        (_distance_to(b.x2, b.y2, a), (b.x2, b.y2)),
    ]
    distance, point = min(candidates)
    return point if distance < TOUCH else None


def _segments(points: list[tuple[float, float]]) -> Iterator[Segment]:
    for (x1, y1), (x2, y2) in pairwise(points):
        yield Segment(x1, y1, x2, y2)


CELL = 64.0
"""Lines are looked up by the squares of this size they pass through, so that a line is compared with
the few lines near it, however large the map."""


def _x_span(segment: Segment, top: float, bottom: float) -> tuple[float, float] | None:
    """The least and greatest x of the part of `segment` between heights `top` and `bottom`; None if it has none."""
    x1, y1, x2, y2 = segment
    if max(y1, y2) < top or min(y1, y2) > bottom:
        return None
    if y1 == y2:
        return min(x1, x2), max(x1, x2)
    start, end = (max(0.0, min(1.0, (height - y1) / (y2 - y1))) for height in (top, bottom))
    xs = x1 + start * (x2 - x1), x1 + end * (x2 - x1)
    return min(xs), max(xs)


def _cells(segment: Segment) -> Iterator[tuple[int, int, int]]:
    """The squares a segment passes near, row by row: each row and its first and last column.

    Row by row, so that a long slanting line covers the squares along it, not every square of the
    rectangle between its ends."""
    top, bottom = min(segment.y1, segment.y2) - TOUCH, max(segment.y1, segment.y2) + TOUCH
    for row in range(int(top // CELL), int(bottom // CELL) + 1):
        span = _x_span(segment, row * CELL - TOUCH, (row + 1) * CELL + TOUCH)
        if span is not None:
            yield row, int((span[0] - TOUCH) // CELL), int((span[1] + TOUCH) // CELL)


class _Squares:
    """The squares the lines asked about pass near, and what passes each; found from any other segment by
    its rows, or an upright one by its column, so that a long line costs no more to look up than a short one."""

    def __init__(self, lines: Iterable[tuple[int, Segment]], *, by_ends: bool = False) -> None:
        """The squares near each of `lines`, or only near its ends if `by_ends`."""
        self.lines: dict[tuple[int, int], list[tuple[int, Segment]]] = defaultdict(list)
        for line in lines:
            segment = line[1]
            where = [Segment(x, y, x, y) for x, y in ((segment.x1, segment.y1), (segment.x2, segment.y2))] if by_ends else [segment]
            for row, first, last in (cell for place in where for cell in _cells(place)):
                for column in range(first, last + 1):
                    self.lines[(column, row)].append(line)
        self.columns_of: dict[int, list[int]] = defaultdict(list)
        self.rows_of: dict[int, list[int]] = defaultdict(list)
        for column, row in self.lines:
            self.columns_of[row].append(column)
            self.rows_of[column].append(row)
        for numbers in (*self.columns_of.values(), *self.rows_of.values()):
            numbers.sort()

    def near(self, segment: Segment) -> Iterator[list[tuple[int, Segment]]]:
        """What passes the squares `segment` passes near."""
        if segment.x1 == segment.x2:
            top, bottom = int((min(segment.y1, segment.y2) - TOUCH) // CELL), int((max(segment.y1, segment.y2) + TOUCH) // CELL)
            for column in range(int((segment.x1 - TOUCH) // CELL), int((segment.x1 + TOUCH) // CELL) + 1):
                rows = self.rows_of.get(column, [])
                for row in rows[bisect_left(rows, top) : bisect_right(rows, bottom)]:
                    yield self.lines[(column, row)]
            return
        for row, first, last in _cells(segment):
            columns = self.columns_of.get(row, [])
            for column in columns[bisect_left(columns, first) : bisect_right(columns, last)]:
                yield self.lines[(column, row)]


def _within_30_degrees(segment: Segment, of_level: bool) -> bool:
    """Whether `segment` runs within 30 degrees of level (or, if not `of_level`, of upright), or very nearly."""
    along, across = abs(segment.x2 - segment.x1), abs(segment.y2 - segment.y1)
    if not of_level:
        along, across = across, along
    return 3 * across * across <= along * along * 1.001


class _Asked:
    """The segments of the lines asked about, indexed for the other segments that may touch them.

    Two segments at 30 degrees or more to each other touch only where an end of one is near the other
    (`contact`): a level or upright segment is compared with the segments asked about whose ends are near
    it, whose squares its own ends are in, and those that run nearly as it does; never with every line it
    crosses cleanly, of which a large map has more than it has lines."""

    def __init__(self, lines: list[tuple[int, Segment]]) -> None:
        self.everything = _Squares(lines)
        self.ends = _Squares(lines, by_ends=True)
        self.level = _Squares((index, segment) for index, segment in lines if _within_30_degrees(segment, of_level=True))
        self.upright = _Squares((index, segment) for index, segment in lines if _within_30_degrees(segment, of_level=False))

    def near(self, other: Segment) -> Iterator[list[tuple[int, Segment]]]:
        """Groups of the asked segments that may touch `other` (a segment may be in several)."""
        if other.y1 != other.y2 and other.x1 != other.x2:
            yield from self.everything.near(other)
            return
        yield from (self.level if other.y1 == other.y2 else self.upright).near(other)
        yield from self.ends.near(other)
        for x, y in ((other.x1, other.y1), (other.x2, other.y2)):
            yield from self.everything.near(Segment(x, y, x, y))


def touching(edges: list[Edge], nodes: dict[str, _Node], among: set[int] | None = None) -> list[tuple[int, int, tuple[float, float]]]:
    """Pairs of edges (by index) whose lines touch or overlap, except at a box both of them end at;
    only pairs with an edge `among` those given, if given."""
    asked = set(range(len(edges))) if among is None else among
    squares = _Asked([(index, segment) for index in asked for segment in _segments(edges[index].points)])
    found: dict[tuple[int, int], tuple[float, float]] = {}
    for other_index, edge in enumerate(edges):
        for other in _segments(edge.points):
            compared: set[tuple[int, Segment]] = set()
            for lines in squares.near(other):
                for index, segment in lines:
                    pair = (min(index, other_index), max(index, other_index))
                    # Each pair once: a pair of lines both asked about is looked at from the first.
                    if index == other_index or (other_index in asked and other_index < index) or pair in found:
                        continue
                    if (index, segment) in compared:
                        continue
                    compared.add((index, segment))
                    point = contact(segment, other)
                    if point is None:
                        continue
                    shared = set(edges[index].ends) & set(edges[other_index].ends)
                    if not any(_near_box(point, nodes[role]) for role in shared):
                        found[pair] = point
    return [(one, other, point) for (one, other), point in found.items()]


def _near_box(point: tuple[float, float], node: _Node) -> bool:
    x, y = point
    margin = ARROW_GAP + TOUCH
    return node.x - margin <= x <= node.x + NODE_WIDTH + margin and node.y - margin <= y <= node.y + NODE_HEIGHT + margin


ROUNDS = 4
"""At most this many layouts of a map: each widens the gaps the last one's lanes need."""


def _widened(drawing: _Drawing, grid: _Grid, row_gaps: dict[int, float], place_gaps: dict[int, float]) -> bool:
    """Widen, in `row_gaps` and `place_gaps`, the gaps of `grid` too narrow for the lanes of `drawing`; whether any was."""
    channels = _Channels(grid)
    narrow_rows = {gap: size for gap, size in drawing.row_gaps.items() if size > channels.row_gap_size(gap) + 0.5}
    narrow_places = {gap: size for gap, size in drawing.place_gaps.items() if size > channels.place_gap_size(gap) + 0.5}
    row_gaps.update(narrow_rows)
    place_gaps.update(narrow_places)
    return bool(narrow_rows or narrow_places)


def _edges(columns: list[_Column], moves: list[tuple[Role, str, str]]) -> tuple[_Grid, list[Edge], float]:
    """The boxes in place and every move's line: straight where that touches no box and no other line,
    else bent through the gaps; gaps are widened where their lanes need it. Also the lowest point a line reaches."""
    row_gaps: dict[int, float] = {}
    place_gaps: dict[int, float] = {}
    bent: set[int] = set()
    # Widening a gap moves boxes, which may let other lines go straight: a few rounds settle it.
    for last_round in [False] * (ROUNDS - 1) + [True]:
        grid = _layout(columns, row_gaps, place_gaps)
        drawn = [_Move(index, kind, grid.nodes[role.id], grid.nodes[target]) for index, (role, kind, target) in enumerate(moves)]
        boxes = _Boxes(list(grid.nodes.values()))
        plans = {move.number: (None if move.number in bent else _straight_plan(move, boxes)) or _around_plan(move) for move in drawn}
        drawing = _draw(drawn, plans, grid)
        # Lines are compared once their gaps hold their lanes: lanes squeezed into a gap too narrow touch
        # one another, and would bend lines for nothing (and, on a large map, cost a comparison per pair).
        if _widened(drawing, grid, row_gaps, place_gaps) and not last_round:
            continue
        while True:
            edges = [Edge(move.kind, drawing.points[move.number], (move.source.role.id, move.target.role.id)) for move in drawn]
            # A slanting line that touches another line, or a box once its ends have their places, is bent
            # instead; aligned and bent lines keep apart by construction.
            slanting = {move.number for move in drawn if plans[move.number].shape == "straight" and not plans[move.number].aligned}
            # Those through a box first: cheap to find, and they need not be compared with other lines.
            through_boxes = {index for index in slanting if boxes.crossed(edges[index].points, edges[index].ends)}
            clear = slanting - through_boxes
            slanting = through_boxes | (clear & {index for pair in touching(edges, grid.nodes, among=clear) for index in pair[:2]})
            if not slanting:
                break
            bent |= slanting
            for index in slanting:
                plans[index] = _around_plan(drawn[index])
            drawing = _draw(drawn, plans, grid)
        if not _widened(drawing, grid, row_gaps, place_gaps):
            break
    return grid, edges, drawing.lowest


class CareerMap(NamedTuple):
    """Everything `career-map.html` draws: sizes, column headings, nodes and edges."""

    caption: str
    width: float
    height: float
    wide: bool
    """Wider than a portrait page: printed on a landscape page of its own."""
    headings: list[tuple[str, HeadingBox]]
    """Each column's heading as one phrase, and where its lines are written."""
    heading_y: float
    heading_height: float
    nodes: list[_Node]
    edges: list[Edge]
    family_names: dict[str, str]
    node_width: int = NODE_WIDTH
    node_height: int = NODE_HEIGHT


def _column_lines(family: Family, track: Track | None, with_family: bool) -> tuple[str, ...]:
    """A column's heading: its family's name over its track's, or either alone."""
    if track is None:
        return (family.name,)
    return (family.name, track.name) if with_family else (track.name,)


def career_map(guide: Guide, families: list[Family], *, caption: str) -> CareerMap:
    """The map of `families` with their moves; moves leaving them end in an 'other families' column."""
    inside = {role.id for family in families for role in family.roles}
    columns = [
        _Column(_column_lines(family, group.track, len(families) > 1), group.roles, False)
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
    if outside:
        columns.append(_Column(("Other families",), sorted(outside, key=lambda role: (role.level, role.title)), True))
    moves = [(role, kind, target) for family in families for role in family.roles for kind, target in role.moves] + incoming
    grid, edges, lowest = _edges(columns, moves)
    nodes = grid.nodes
    rows_bottom = grid.rows[-1] + NODE_HEIGHT if grid.rows else MARGIN + grid.header
    height = max(rows_bottom, lowest + ARROW_GAP) + MARGIN
    family_names = {family.id: family.name for family in guide.families}
    headings = [(": ".join(heading.lines), heading) for heading in grid.headings]
    return CareerMap(
        caption,
        grid.width,
        height,
        grid.width > PORTRAIT_WIDTH,
        headings,
        MARGIN,
        grid.header,
        list(nodes.values()),
        edges,
        family_names,
    )
