"""The plan page's routes (macros/rendering/assets/guide-core.js) are macros/model/routes.py's, for every pair of roles, ties included."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import FIXTURES, PROJECT, SAMPLE_DATA

from macros.loading import load_guide
from macros.model.routes import shortest_routes
from macros.pages.plan_data import plan_data

pytestmark = pytest.mark.unit

ALL_ROUTES = Path(__file__).parent / "js" / "all-routes.js"


def _routes_in_the_browser(data: dict[str, object]) -> dict[str, list[list[list[str]]]]:
    node = shutil.which("node")
    assert node, "Node.js is missing: `make test` installs it"
    done = subprocess.run([node, str(ALL_ROUTES)], input=json.dumps(data), capture_output=True, text=True, check=True)
    routes: dict[str, list[list[list[str]]]] = json.loads(done.stdout)
    return routes


@pytest.mark.parametrize(
    "data_dir", [SAMPLE_DATA, FIXTURES / "framework" / "data", PROJECT / "data"], ids=["test-company", "framework", "shipped"]
)
def test_every_pair_of_roles_has_the_same_routes_in_the_browser_and_in_python(data_dir: Path) -> None:
    guide = load_guide(data_dir)
    in_browser = _routes_in_the_browser(plan_data(guide))
    pairs = [(source, target) for source in guide.roles.values() for target in guide.roles.values()]
    assert len(in_browser) == len(pairs)
    differ = []
    for source, target in pairs:
        expected = [[[step.kind, step.role.id] for step in route] for route in shortest_routes(guide, source, target)]
        if in_browser[f"{source.id} {target.id}"] != expected:
            differ.append(f"{source.id} -> {target.id}: browser {in_browser[f'{source.id} {target.id}']}, python {expected}")
    assert not differ, "\n".join(differ)


def test_the_test_company_has_tied_routes_so_ties_are_compared() -> None:
    in_browser = _routes_in_the_browser(plan_data(load_guide(SAMPLE_DATA)))
    assert any(len(routes) > 1 for routes in in_browser.values())
