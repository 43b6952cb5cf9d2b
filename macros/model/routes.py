"""Routes between roles over the moves in the data: steps up and lateral moves, across families.

The plan page finds routes in the browser with the same rules (macros/rendering/assets/plan.js);
this module gives the role pages the roles reachable from each, and is the
tested reference for what a route is:

- a route is a sequence of moves written in the data (`next` and `lateral`);
- the shortest routes have the fewest moves; several routes of that length are
  all shortest, listed in the data's order of moves;
- cycles (A -> B -> A) never make a route longer: a role is visited once.
"""

from __future__ import annotations

from collections import deque
from typing import NamedTuple

from .guide import Guide, Role


class RouteStep(NamedTuple):
    kind: str
    """'next' (a step up) or 'lateral'."""
    role: Role


def _distances(guide: Guide, source: Role) -> tuple[dict[str, int], dict[str, list[tuple[str, str]]]]:
    """Moves from `source` to every reachable role, and each role's predecessors on shortest routes."""
    distance = {source.id: 0}
    before: dict[str, list[tuple[str, str]]] = {}
    queue = deque([source.id])
    while queue:
        current = queue.popleft()
        for kind, target in guide.roles[current].moves:
            if target not in distance:
                distance[target] = distance[current] + 1
                queue.append(target)
            if distance[target] == distance[current] + 1:
                before.setdefault(target, []).append((kind, current))
    return distance, before


def shortest_routes(guide: Guide, source: Role, target: Role, limit: int = 3) -> list[list[RouteStep]]:
    """Up to `limit` shortest routes from `source` to `target`; none when there is no route (or they are the same role)."""
    if source.id == target.id:
        return []
    _, before = _distances(guide, source)
    if target.id not in before:
        return []

    def routes_to(role_id: str) -> list[list[RouteStep]]:
        if role_id == source.id:
            return [[]]
        found: list[list[RouteStep]] = []
        for kind, previous in before[role_id]:
            for route in routes_to(previous):
                found.append([*route, RouteStep(kind, guide.roles[role_id])])
                if len(found) >= limit:
                    return found
        return found

    return routes_to(target.id)[:limit]


def reachable(guide: Guide, source: Role, max_moves: int = 3) -> list[tuple[int, list[Role]]]:
    """The roles reachable from `source` in 1 to `max_moves` moves, by the fewest moves needed."""
    distance, _ = _distances(guide, source)
    by_moves: dict[int, list[Role]] = {}
    for role_id, moves in distance.items():
        if 0 < moves <= max_moves:
            by_moves.setdefault(moves, []).append(guide.roles[role_id])
    return [(moves, sorted(roles, key=lambda role: (role.family_id, role.level, role.title))) for moves, roles in sorted(by_moves.items())]
