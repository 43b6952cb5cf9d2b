"""A large company: long navigation sections list only where the reader is.

The test data gets 12 more job families (16 in all, more than the plugin's
`nav_section_limit`) and 9 more worksheets (12 in all, exactly the limit).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from helpers import Site, built_site, copy_project, sidebar

pytestmark = pytest.mark.build

ADDED_FAMILIES = 12
ADDED_WORKSHEETS = 9


def _add_families(data: Path, count: int) -> None:
    """Job families of two roles each, `team-01` to `team-NN`, with the test data's first two competencies."""
    competencies = yaml.safe_load((data / "competencies.yml").read_text(encoding="utf-8"))["competencies"]
    skills = {competency["id"]: 2 for competency in competencies[:2]}
    for number in range(1, count + 1):
        team = f"team-{number:02}"
        roles = [
            {
                "id": f"{team}-member",
                "title": f"Team {number} member",
                "level": 1,
                "summary": "Does the work.",
                "responsibilities": ["Work."],
                "skills": dict(skills),
                "next": [f"{team}-lead"],
                "lateral": [],
                "development": ["A course."],
            },
            {
                "id": f"{team}-lead",
                "title": f"Team {number} lead",
                "level": 2,
                "summary": "Leads the work.",
                "responsibilities": ["Lead."],
                "skills": dict(skills),
                "next": [],
                "lateral": [],
                "development": ["A mentor."],
            },
        ]
        family = {"id": team, "name": f"Team {number}", "description": "A team.", "roles": roles}
        (data / "career_paths" / f"{team}.yml").write_text(yaml.safe_dump(family, sort_keys=False), encoding="utf-8")


def _add_worksheets(data: Path, count: int) -> list[str]:
    """Copies of the first worksheet under new ids; returns every worksheet id."""
    original = sorted((data / "worksheets").glob("*.yml"))[0]
    sheet = yaml.safe_load(original.read_text(encoding="utf-8"))
    for number in range(1, count + 1):
        copy = {**sheet, "id": f"{sheet['id']}-{number}", "title": f"{sheet['title']} {number}"}
        copy.pop("previous_ids", None)  # an old address leads to one worksheet only
        (data / "worksheets" / f"{copy['id']}.yml").write_text(yaml.safe_dump(copy, sort_keys=False), encoding="utf-8")
    return sorted(path.stem for path in (data / "worksheets").glob("*.yml"))


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Site:
    project = copy_project(tmp_path_factory.mktemp("large"))
    _add_families(project / "data", ADDED_FAMILIES)
    _add_worksheets(project / "data", ADDED_WORKSHEETS)
    return built_site(project, tmp_path_factory.mktemp("large-site"))


def links(navigation: str) -> list[str]:
    """Links to pages (the current page's table of contents, nested in it, left out)."""
    return [href for href in re.findall(r'<a href="([^"]+)"', navigation) if not href.startswith("#")]


def test_a_role_page_lists_only_its_own_family(large: Site) -> None:
    navigation = sidebar(large.html("/roles/team-03-lead/"))
    hrefs = links(navigation)
    assert "../../paths/team-03/" in hrefs
    assert "../team-03-member/" in hrefs, "the family's roles"
    other_families = [href for href in hrefs if re.search(r"paths/[a-z0-9-]+/$", href) and "team-03" not in href]
    assert other_families == [], "no other family..."
    assert re.search(
        r'<a href="\.\./\.\./paths/" class="md-nav__link cg-nav-all">\s*<span class="md-ellipsis">All 16 in Career paths</span>', navigation
    ), "...but a link to all of them"


def test_the_overview_lists_every_family_in_its_content(large: Site) -> None:
    html = large.html("/paths/")
    assert "All 16 in" not in sidebar(html), "no link to the page itself"
    assert all(f'href="team-{number:02}/"' in html for number in range(1, ADDED_FAMILIES + 1))


def test_short_sections_are_listed_in_full(large: Site) -> None:
    pages = (large.root / "worksheets").glob("*/index.html")
    # Old addresses of renamed worksheets only send the browser on: they are not worksheets.
    worksheets = sorted(path.parent.name for path in pages if 'http-equiv="refresh"' not in path.read_text(encoding="utf-8"))
    assert len(worksheets) == 12
    navigation = sidebar(large.html(f"/worksheets/{worksheets[-1]}/"))
    assert all(f"{worksheet}/" in navigation for worksheet in worksheets[:-1])
    assert "All 12 in" not in navigation


def test_the_sidebar_does_not_grow_with_the_company(large: Site, site: Site) -> None:
    # A role page of the test data lists its 4 families; the large site's, 1 of 16.
    role = sorted(path.parent.name for path in (site.root / "roles").glob("*/index.html"))[0]
    default = len(links(sidebar(site.html(f"/roles/{role}/"))))
    assert len(links(sidebar(large.html("/roles/team-03-lead/")))) <= default
