"""Routes between roles: the reference the plan page's script follows (macros/rendering/assets/plan.js)."""

from __future__ import annotations

import dataclasses
from types import MappingProxyType

import pytest

from macros.model.guide import Guide
from macros.model.routes import reachable, shortest_routes

pytestmark = pytest.mark.unit


def _route(guide: Guide, source: str, target: str) -> list[list[str]]:
    return [[step.role.id for step in route] for route in shortest_routes(guide, guide.roles[source], guide.roles[target])]


def test_a_route_chains_moves_across_families(guide: Guide) -> None:
    assert _route(guide, "software-engineer", "senior-product-manager") == [["senior-engineer", "senior-product-manager"]]
    first = shortest_routes(guide, guide.roles["software-engineer"], guide.roles["senior-product-manager"])[0]
    assert [step.kind for step in first] == ["next", "lateral"]
    for step, previous in zip(first, [guide.roles["software-engineer"], *(s.role for s in first)], strict=False):
        assert (step.kind, step.role.id) in previous.moves


def test_every_shortest_route_is_listed_and_none_is_longer(guide: Guide) -> None:
    for source in guide.roles.values():
        for moves, roles in reachable(guide, source):
            for role in roles:
                routes = shortest_routes(guide, source, role, limit=10)
                assert routes and {len(route) for route in routes} == {moves}


def test_no_route_to_itself_or_to_a_role_nothing_leads_to(guide: Guide) -> None:
    role = guide.roles["software-engineer"]
    assert shortest_routes(guide, role, role) == []
    entry = guide.roles["associate-engineer"]
    assert all(entry not in roles for _, roles in reachable(guide, role, max_moves=10))
    assert shortest_routes(guide, role, entry) == []


def test_cycles_do_not_lengthen_routes(guide: Guide) -> None:
    # Staff Engineer and Engineering Manager lead to each other: no route goes round.
    staff, manager = guide.roles["staff-engineer"], guide.roles["engineering-manager"]
    assert ("lateral", manager.id) in staff.moves
    assert [[s.role.id for s in r] for r in shortest_routes(guide, staff, manager)] == [[manager.id]]


def test_ties_are_all_found_in_the_datas_order(guide: Guide) -> None:
    # Two ways of the same length: through each of two middle roles.
    roles = dict(guide.roles)
    a, b, c = roles["associate-engineer"], roles["software-engineer"], roles["solutions-engineer"]
    d = roles["senior-engineer"]
    roles[a.id] = a._replace(next=(b.id,), lateral=(c.id,))
    roles[c.id] = c._replace(next=(), lateral=(d.id,))
    roles[b.id] = b._replace(next=(d.id,), lateral=())
    tied = dataclasses.replace(guide, roles=MappingProxyType(roles))
    assert _route(tied, a.id, d.id) == [[b.id, d.id], [c.id, d.id]]
