"""A large company: long navigation sections list only where the reader is.

The project is copied with four times the default data (16 job families, more
than `extra.nav_section_limit`), by the benchmark's own generator, and built.
"""

from __future__ import annotations

import re

import pytest
from generate import scaled_project
from helpers import Site, built_site, sidebar

pytestmark = pytest.mark.build

FACTOR = 4


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Site:
    project = scaled_project(tmp_path_factory.mktemp("large"), FACTOR)
    return built_site(project, tmp_path_factory.mktemp("large-site"))


def links(navigation: str) -> list[str]:
    """Links to pages (the current page's table of contents, nested in it, left out)."""
    return [href for href in re.findall(r'<a href="([^"]+)"', navigation) if not href.startswith("#")]


def test_a_role_page_lists_only_its_own_family(large: Site) -> None:
    navigation = sidebar(large.html("/roles/senior-engineer-k2/"))
    hrefs = links(navigation)
    assert "../../paths/engineering-k2/" in hrefs
    assert "../staff-engineer-k2/" in hrefs and "../software-engineer-k2/" in hrefs, "the family's roles"
    other_families = [href for href in hrefs if re.search(r"paths/[a-z0-9-]+/$", href) and "engineering-k2" not in href]
    assert other_families == [], "no other family..."
    assert re.search(
        r'<a href="\.\./\.\./paths/" class="md-nav__link cg-nav-all">\s*<span class="md-ellipsis">All 16 in Career paths</span>', navigation
    ), "...but a link to all of them"


def test_the_overview_lists_every_family_in_its_content(large: Site) -> None:
    html = large.html("/paths/")
    assert "All 16 in" not in sidebar(html), "no link to the page itself"
    assert all(f"engineering-k{copy}/" in html for copy in range(1, FACTOR))


def test_short_sections_are_listed_in_full(large: Site) -> None:
    navigation = sidebar(large.html("/worksheets/self-assessment-k3/"))
    for copy in ("", "-k1", "-k2", "-k3"):
        for worksheet in ("self-assessment", "meeting-preparation", "follow-up-plan"):
            assert f"{worksheet}{copy}/" in navigation or (worksheet, copy) == ("self-assessment", "-k3")
    assert "All 12 in" not in navigation


def test_the_sidebar_does_not_grow_with_the_company(large: Site, site: Site) -> None:
    # The default data's role page lists its 4 families; the large one, 1 of 16.
    default = len(links(sidebar(site.html("/roles/senior-engineer/"))))
    assert len(links(sidebar(large.html("/roles/senior-engineer-k2/")))) <= default
