"""A real company's framework fits as it is: eight levels on two tracks, nine themes, a named scale, statements per level and per role.

The fixture (tests/fixtures/framework) has the shape of a public engineering
framework, written for these tests: grades E1-E8 and M4-M8, an individual
contributor and a people manager track, competencies in nine areas on a
five-step proficiency scale, several statements with examples for some levels
and for some roles.
"""

from __future__ import annotations

import html
import re

import pytest
from helpers import FIXTURES, Site, built_site, copy_project

from macros.career_moves import Change, moves_from
from macros.loading import load_guide
from macros.model import Guide
from macros.render.views import level_matrix

FRAMEWORK = FIXTURES / "framework" / "data"


@pytest.fixture(scope="module")
def framework() -> Guide:
    return load_guide(FRAMEWORK)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    project = copy_project(tmp_path_factory.mktemp("framework"), data=FRAMEWORK)
    return built_site(project, tmp_path_factory.mktemp("framework-site"))


def _text(site: Site, url: str) -> str:
    return html.unescape(site.text(url))


@pytest.mark.unit
def test_grades_tracks_areas_and_the_scale_load(framework: Guide) -> None:
    (family,) = framework.families
    assert [track.name for track in family.tracks] == ["Individual contributor", "People manager"]
    e5, m5 = framework.roles["e5"], framework.roles["m5"]
    assert (e5.level, e5.grade, e5.track_id) == (5, "E5", "individual-contributor")
    assert (m5.level, m5.grade, m5.track_id) == (5, "M5", "people-manager"), "parallel grades share a rank"
    assert len(framework.areas) == 9
    scale = framework.scales["proficiency"]
    assert [step.name for step in scale.steps] == ["Awareness", "Foundational", "Working knowledge", "Practitioner", "Expert"]
    assert framework.roles["e4"].skills["technical-skill"] == 3, "a skill names its step by name"


@pytest.mark.unit
def test_a_track_switch_says_what_is_different(framework: Guide) -> None:
    (to_manager,) = [move for move in moves_from(framework, framework.roles["e5"]) if move.target.id == "m5"]
    groups = {change: [item.competency.id for item in items] for change, items in to_manager.grouped()}
    assert groups[Change.NEW] == ["team-health"]
    assert set(groups[Change.RAISED]) == {"people-skill", "strategy-skill"}
    assert set(groups[Change.LOWER]) == {"technical-skill", "architecture-skill"}, "needed, but less"
    assert groups[Change.DROPPED] == ["incident-response"], "not needed at all"
    assert len(to_manager.differences) == 6


@pytest.mark.unit
def test_raised_follows_the_step_up_moves_of_the_data(framework: Guide) -> None:
    (family,) = framework.families
    roles = list(family.roles)
    row = next(row for row in level_matrix(framework, family) if row.competency.id == "people-skill")
    cells = dict(zip((role.id for role in roles), row.cells, strict=True))
    assert not cells["m4"].raised, "the first manager is not 'raised' over the last individual contributor"
    assert cells["m5"].raised is False and cells["m6"].raised is True
    # Only a step up counts: a role no step-up move leads to is never "raised".
    for role, cell in zip(roles, row.cells, strict=True):
        if not any(kind == "next" for _, kind in framework.roles_leading_to(role)):
            assert not cell.raised, role.id


@pytest.mark.build
def test_every_competency_page_shows_every_step_statement_and_example(site: Site, framework: Guide) -> None:
    for competency in framework.competencies.values():
        text = _text(site, f"/competencies/{competency.id}/")
        for step in competency.scale.steps:
            detail = competency.detail(step.rank)
            assert step.name in text, (competency.id, step.name)
            for line in detail.descriptor.splitlines():
                assert line.removeprefix("- ") in text, (competency.id, line)
            for example in detail.evidence:
                assert example in text, (competency.id, example)
        for role, rank in framework.roles_expecting(competency):
            assert f"{role.title}: {competency.step(rank).name}" in text


@pytest.mark.build
def test_every_role_page_shows_its_proficiency_words_statements_and_grade(site: Site, framework: Guide) -> None:
    for role in framework.roles.values():
        text = _text(site, f"/roles/{role.id}/")
        assert role.grade and role.grade in text
        for competency_id, rank in role.skills.items():
            competency = framework.competencies[competency_id]
            assert re.search(rf"{re.escape(competency.name)}\s+{re.escape(competency.step(rank).name)}", text), (role.id, competency_id)
        for expectation in role.expectations.values():
            for line in (*expectation.statements, *expectation.examples):
                assert line in text, (role.id, line)
    assert "Responsibilities" not in _text(site, "/roles/e1/"), "optional parts are left out, not shown empty"


@pytest.mark.build
def test_the_track_switch_on_the_role_page(site: Site) -> None:
    page = site.html("/roles/e5/")
    section = page[page.index('id="lateral-move-senior-engineering-manager"') :]
    section = section[: section.index("</div></div>")]
    assert "Needed less" in section and "No longer needed" in section and "Same level" in section
    same = re.search(r'cg-change__same">(.*?)</p>', section, re.S)
    assert same and "Delivery" in same.group(1), "unchanged competencies are one line, not a wall of items"


@pytest.mark.build
def test_competency_names_link_to_their_pages(site: Site) -> None:
    for url in ("/roles/e4/", "/roles/e4/worksheet/", "/paths/engineering/"):
        assert 'href="../../competencies/technical-skill/"' in site.html(
            url
        ) or 'href="../../../competencies/technical-skill/"' in site.html(url), url
    index = _text(site, "/competencies/")
    assert all(area in index for area in ("Delivery", "Strategy", "Operations")) and "Incident response" in index


@pytest.mark.build
def test_the_role_worksheet_lists_competencies_to_rate(site: Site, framework: Guide) -> None:
    page = site.html("/roles/e4/worksheet/")
    table = page[page.index('class="cg-table cg-rating"') :]
    table = table[: table.index("</table>")]
    role = framework.roles["e4"]
    assert table.count('data-cg-field="rating-') == len(role.skills)
    assert "Working knowledge" in table


@pytest.mark.build
def test_the_family_shows_its_tracks_side_by_side(site: Site) -> None:
    page = site.html("/paths/engineering/")
    assert '<th scope="colgroup" colspan="8">Individual contributor</th>' in page
    assert '<th scope="colgroup" colspan="5">People manager</th>' in page
    headings = re.findall(r'<text class="cg-map__heading"[^>]*>([^<]+)</text>', page)
    assert headings[:2] == ["Individual contributor", "People manager"]
