"""Career maps drawn as SVG at build time: no script, no third-party request.

Roles sit in columns (one per job family) and rows (one per level, highest at
the top); arrows show vertical moves (solid) and lateral moves (dashed). Every
node is an ordinary HTML link inside a `<foreignObject>`: its title wraps as
text does, reads and copies as one phrase, and behaves like any other link for
Material's instant navigation (an SVG `<a>` has a read-only `href`, which
Material's link rewriting cannot assign). A text list of the same moves goes
with every map, for screen readers and for readers who prefer text.
"""

from __future__ import annotations

from typing import NamedTuple

from ..career_moves import MOVE_LABELS
from ..model import Family, Guide, Role
from ..urls import relative, role_url
from .markup import attribute, page_link, text

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


def _edge(source: _Node, target: _Node, kind: str) -> str:
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
    return (
        f'<line class="cg-map__edge cg-map__edge--{kind}" x1="{sx:.0f}" y1="{sy:.0f}" x2="{tx:.0f}" y2="{ty:.0f}" '
        f'marker-end="url(#cg-arrow-{kind})"/>'
    )


def _node(node: _Node, page_url: str, family_names: dict[str, str]) -> str:
    role = node.role
    classes = "cg-map__node cg-map__node--external" if node.external else "cg-map__node"
    # The visible title starts the link's name (WCAG 2.5.3, label in name); the
    # family and level follow for screen readers only.
    return (
        f'<foreignObject x="{node.x:.0f}" y="{node.y:.0f}" width="{NODE_WIDTH}" height="{NODE_HEIGHT}">'
        f'<a class="{classes}" href="{attribute(relative(page_url, role_url(role.id)))}" data-role="{role.id}">'
        f'<span class="cg-map__title">{text(role.title)}</span>'
        f'<span class="cg-sr">, {text(family_names[role.family_id])}, level {role.level}</span></a></foreignObject>'
    )


def career_map(guide: Guide, families: list[Family], page_url: str, *, caption: str) -> str:
    """An SVG map of `families` with their moves; moves leaving them end in an 'other families' column."""
    inside = {role.id for family in families for role in family.roles}
    columns = [(family.name, list(family.roles)) for family in families]
    outside = [guide.roles[target] for family in families for role in family.roles for _, target in role.moves if target not in inside]
    outside = list({role.id: role for role in outside}.values())
    external_column = None
    if outside:
        external_column = len(columns)
        columns.append(("Other families", sorted(outside, key=lambda role: (role.level, role.title))))
    nodes, headings, width, height = _layout(columns, external_column)
    family_names = {family.id: family.name for family in guide.families}
    edges = [_edge(nodes[role.id], nodes[target], kind) for family in families for role in family.roles for kind, target in role.moves]
    heading_svg = "".join(f'<text class="cg-map__heading" x="{x:.0f}" y="{MARGIN + 12}">{text(heading)}</text>' for heading, x in headings)
    node_svg = "".join(_node(node, page_url, family_names) for node in nodes.values())
    markers = "".join(
        f'<marker id="cg-arrow-{kind}" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        f'<path class="cg-map__arrow cg-map__arrow--{kind}" d="M 0 0 L 10 5 L 0 10 z"/></marker>'
        for kind in ("next", "lateral")
    )
    wide = " cg-map--wide" if width > PORTRAIT_WIDTH else ""
    return (
        f'<figure class="cg-map{wide}"><div class="cg-map__scroll">'
        f'<svg class="cg-map__svg" viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}" '
        f'role="group" aria-label="{attribute(caption)}"><defs>{markers}</defs>'
        f'{heading_svg}<g class="cg-map__edges">{"".join(edges)}</g>{node_svg}</svg></div>'
        f'<figcaption>{text(caption)}. <span class="cg-map__legend"><span class="cg-legend cg-legend--next">solid arrow: step up</span> '
        f'<span class="cg-legend cg-legend--lateral">dashed arrow: lateral move</span></span></figcaption></figure>'
    )


def moves_as_list(guide: Guide, families: list[Family], page_url: str) -> str:
    """The same moves as the map, as a list of links: the map's text alternative."""
    items = []
    for family in families:
        for role in family.roles:
            moves = [
                f"{page_link(page_url, role_url(target), guide.roles[target].title)} ({MOVE_LABELS[kind].lower()})"
                for kind, target in role.moves
            ]
            if moves:
                items.append(f"<li>{page_link(page_url, role_url(role.id), role.title)} → {', '.join(moves)}</li>")
    if not items:
        return "<p>No moves are recorded for these roles yet.</p>"
    return f'<ul class="cg-moves-list">{"".join(items)}</ul>'
