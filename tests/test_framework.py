"""A real company's framework fits as it is: eight levels on two tracks, nine themes, a named scale, statements per role.

The fixture (tests/fixtures/framework) has the shape of a public engineering
framework, written for these tests: grades E1-E8 and M4-M8, an individual
contributor and a people manager track (each with a description), competencies
in nine areas on a five-step proficiency scale that describes none of its steps,
and most competencies described only by what each role states of them. A legacy
operations family, on grades J, S and TD, expects the same step everywhere and
says what changes in its statements, each with its own examples.

Statements are the truth wherever a role's expectation appears: its page, every
move, the competency's page, the role's worksheet and the plan's data.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest
from helpers import FIXTURES, Site, built_site, copy_project, run_check
from test_markup_validity import nu_errors
from test_search_index import _fixed_wording, _material_entries, _words

from macros.loading import load_guide
from macros.model.career_moves import Change, moves_from
from macros.model.guide import Guide, Statement
from macros.rendering.views import level_matrix

FRAMEWORK = FIXTURES / "framework" / "data"
DESCRIBED = {"delivery-skill", "technical-skill", "people-skill"}
"""The only competencies that describe their steps: every other is described by the roles' statements."""


@pytest.fixture(scope="module")
def framework() -> Guide:
    return load_guide(FRAMEWORK)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    project = copy_project(tmp_path_factory.mktemp("framework"), data=FRAMEWORK)
    return built_site(project, tmp_path_factory.mktemp("framework-site"))


def _text(site: Site, url: str) -> str:
    return html.unescape(site.text(url))


def _section(page: str, anchor: str) -> str:
    """The part of a page from the heading `anchor` to the next heading."""
    start = page.index(f'id="{anchor}"')
    return page[start : page.index("<h", start + 1)]


def _changes(guide: Guide, source: str, target: str) -> dict[Change, list[str]]:
    (move,) = [move for move in moves_from(guide, guide.roles[source]) if move.target.id == target]
    return {change: [item.competency.id for item in items] for change, items in move.grouped()}


@pytest.mark.unit
def test_grades_tracks_areas_and_the_scale_load(framework: Guide) -> None:
    engineering, operations = framework.families
    assert [track.name for track in engineering.tracks] == ["Individual contributor", "People manager"]
    assert all(track.description for track in engineering.tracks)
    e5, m5 = framework.roles["e5"], framework.roles["m5"]
    assert (e5.level, e5.grade, e5.track_id) == (5, "E5", "individual-contributor")
    assert (m5.level, m5.grade, m5.track_id) == (5, "M5", "people-manager"), "parallel grades share a rank"
    assert [(role.grade, role.level) for role in operations.roles] == [("J", 3), ("S", 5), ("TD", 7)]
    assert len(framework.areas) == 9
    scale = framework.scales["proficiency"]
    assert scale.name == "NW proficiency"
    assert [step.name for step in scale.steps] == ["Awareness", "Foundational", "Working knowledge", "Practitioner", "Expert"]
    assert framework.roles["e4"].skills["technical-skill"] == 3, "a skill names its step by name"


@pytest.mark.unit
def test_step_descriptors_are_optional_where_roles_state_the_step(framework: Guide) -> None:
    assert all(step.description is None for step in framework.scales["proficiency"].steps)
    for competency in framework.competencies.values():
        described = competency.id in DESCRIBED
        for step in competency.scale.steps:
            assert (competency.detail(step.rank).descriptor is not None) is described, (competency.id, step.name)
    for role in framework.roles.values():
        for competency_id in role.skills:
            if competency_id not in DESCRIBED:
                assert role.expectations[competency_id].statements, (role.id, competency_id)


@pytest.mark.unit
def test_each_statement_keeps_its_own_examples(framework: Guide) -> None:
    operations = framework.roles["operations-engineer"].expectations["operations-skill"]
    assert operations.statements == (
        Statement(
            "Operations Engineer statement: keeps the services they look after running through routine changes.",
            (
                "Operations Engineer example: renewed the certificates without downtime.",
                "Operations Engineer example: wrote the runbook for restarting the queue cluster.",
            ),
        ),
        Statement(
            "Operations Engineer statement: spots a failing check before it pages anyone.",
            ("Operations Engineer example: noticed the log disk filling a week early.",),
        ),
    )
    technical = framework.roles["e4"].expectations["technical-skill"]
    assert [statement.examples for statement in technical.statements] == [
        (),
        ("Senior Engineer II example of statement B: reviewed the payments redesign.",),
    ]
    assert technical.examples == ("Senior Engineer II example: redesigned the queue consumer.",), "examples of them all"


@pytest.mark.unit
def test_a_track_switch_says_what_is_different(framework: Guide) -> None:
    groups = _changes(framework, "e5", "m5")
    assert groups[Change.NEW] == ["team-health"]
    assert set(groups[Change.RAISED]) == {"people-skill", "strategy-skill"}
    assert set(groups[Change.LOWER]) == {"technical-skill", "architecture-skill"}, "needed, but less"
    assert groups[Change.DROPPED] == ["incident-response"], "not needed at all"
    assert set(groups[Change.RESTATED]) == {"quality-skill", "operations-skill", "collaboration-skill", "communication-skill"}
    assert groups[Change.UNCHANGED] == ["delivery-skill"], "neither role states it: the step says it all"


@pytest.mark.unit
def test_a_different_statement_at_the_same_step_is_a_change_and_the_same_one_is_not(framework: Guide) -> None:
    groups = _changes(framework, "e2", "e3")  # every step the same: Foundational
    assert Change.RAISED not in groups
    assert "collaboration-skill" in groups[Change.UNCHANGED], "e3 states collaboration in e2's words"
    assert set(groups[Change.RESTATED]) == {
        "quality-skill",
        "architecture-skill",
        "operations-skill",
        "communication-skill",
        "strategy-skill",
        "incident-response",
    }
    (move,) = [move for move in moves_from(framework, framework.roles["e2"]) if move.target.id == "e3"]
    quality = next(item for item in move.changes if item.competency.id == "quality-skill")
    assert quality.expected == ("Senior Engineer I keeps the tests of a component meaningful.",), "the target's own words"
    # A target that states nothing of its own is not news: e4 states technical skill, e5 does not.
    assert "technical-skill" in _changes(framework, "e4", "e5")[Change.UNCHANGED]


@pytest.mark.unit
def test_the_legacy_family_moves_show_what_its_statements_change(framework: Guide) -> None:
    groups = _changes(framework, "operations-engineer", "senior-operations-engineer")
    assert groups == {Change.RESTATED: ["operations-skill"], Change.UNCHANGED: ["incident-response"]}, (
        "the same statement with other examples is the same expectation"
    )
    assert _changes(framework, "senior-operations-engineer", "operations-lead") == {
        Change.RESTATED: ["operations-skill", "incident-response"]
    }


@pytest.mark.unit
def test_raised_follows_the_step_up_moves_of_the_data(framework: Guide) -> None:
    family = framework.families[0]
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
def test_every_competency_page_shows_each_step_and_what_each_role_states(site: Site, framework: Guide) -> None:
    for competency in framework.competencies.values():
        page = site.html(f"/competencies/{competency.id}/")
        text = _text(site, f"/competencies/{competency.id}/")
        assert "Scale: NW proficiency" in text, "the scale's name as written"
        for step in competency.scale.steps:
            detail = competency.detail(step.rank)
            section = html.unescape(_section(page, step.name.lower().replace(" ", "-")))
            for line in (detail.descriptor or "").splitlines():
                assert line.removeprefix("- ") in section, (competency.id, line)
            for example in detail.evidence:
                assert example in section, (competency.id, example)
            for role, rank in framework.roles_expecting(competency):
                expectation = role.expectations.get(competency.id)
                if rank == step.rank and expectation and expectation.statements:
                    assert f"{role.title} states:" in re.sub(r"<[^>]+>", "", section)
                    for statement in expectation.statements:
                        # Each statement with its own examples, in one list item.
                        item = re.escape(statement.text) + "".join(rf".*?{re.escape(example)}" for example in statement.examples)
                        assert re.search(rf"<li>{item}.*?</li>", section, re.S), (competency.id, role.id, statement.text)
            assert "In general" not in section or detail.descriptor, "no empty 'in general'"
        for role, rank in framework.roles_expecting(competency):
            assert f"{role.title}: {competency.step(rank).name}" in text


@pytest.mark.build
def test_every_role_page_shows_its_statements_with_their_examples_and_its_grade(site: Site, framework: Guide) -> None:
    for role in framework.roles.values():
        page = html.unescape(site.html(f"/roles/{role.id}/"))
        text = _text(site, f"/roles/{role.id}/")
        assert role.grade and role.grade in text
        for competency_id, rank in role.skills.items():
            competency = framework.competencies[competency_id]
            step = competency.step(rank).name
            assert re.search(rf"{re.escape(competency.name)}\s+{re.escape(step)}", text), (role.id, competency_id)
            row = page[page.index(f'competencies/{competency_id}/">') :]
            row = row[: row.index("</tr>")]
            expectation = role.expectations.get(competency_id)
            if expectation and expectation.statements:
                for statement in expectation.statements:
                    item = re.escape(statement.text) + "".join(rf".*?{re.escape(example)}" for example in statement.examples)
                    assert re.search(rf"<li>{item}.*?</li>", row, re.S), (role.id, statement.text)
                for example in expectation.examples:
                    assert example in row, (role.id, example)
            # A descriptor, when written, is the step "in general"; none is written, nothing stands in for it.
            assert (f"{step} in general:" in row) is (competency_id in DESCRIBED and bool(expectation)), (role.id, competency_id)
    assert "Responsibilities" not in _text(site, "/roles/e1/"), "optional parts are left out, not shown empty"


@pytest.mark.build
def test_a_move_shows_the_target_roles_statements(site: Site) -> None:
    page = html.unescape(site.html("/roles/e4/"))
    step_up = _section(page, "step-up-staff-engineer")
    assert "Expected differently" in step_up and "Same level" in step_up
    assert "Staff Engineer keeps the tests of a group of services meaningful." in step_up
    legacy = html.unescape(_section(site.html("/roles/operations-engineer/"), "step-up-senior-operations-engineer"))
    restated = legacy[legacy.index("Expected differently") : legacy.index("Same level")]
    assert "Senior Operations Engineer statement: plans changes to the platform so that none needs downtime." in restated
    assert "Incident response" in legacy[legacy.index("Same level") :]


@pytest.mark.build
def test_the_track_switch_on_the_role_page(site: Site) -> None:
    page = site.html("/roles/e5/")
    section = page[page.index('id="lateral-move-senior-engineering-manager"') :]
    section = section[: section.index("</div></div>")]
    assert "Needed less" in section and "No longer needed" in section and "Same level" in section
    assert "Expected differently" in section
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
    assert "The NW proficiency scale" in index


@pytest.mark.build
def test_the_role_worksheet_rates_against_the_roles_statements(site: Site, framework: Guide) -> None:
    page = html.unescape(site.html("/roles/e4/worksheet/"))
    table = page[page.index('class="cg-table cg-rating"') :]
    table = table[: table.index("</table>")]
    role = framework.roles["e4"]
    assert table.count('data-cg-field="rating-') == len(role.skills)
    assert "Working knowledge" in table
    for expectation in role.expectations.values():
        for statement in expectation.statements:
            assert statement.text in table
    assert "Senior Engineer II keeps the tests of a service meaningful." in table
    assert "Quality (expected differently: Working knowledge)" in page, "a move's changes include what is stated anew"


@pytest.mark.build
def test_the_family_shows_its_tracks_side_by_side_with_what_sets_them_apart(site: Site, framework: Guide) -> None:
    page = site.html("/paths/engineering/")
    assert '<th scope="colgroup" colspan="8">Individual contributor</th>' in page
    assert '<th scope="colgroup" colspan="5">People manager</th>' in page
    headings = re.findall(r'<span class="cg-map__heading-line">([^<]+)</span>', page)
    assert headings[:2] == ["Individual contributor", "People manager"]
    roles = _section(page, "roles")
    legend = page[page.index("<figcaption") : page.index("</figcaption>")]
    for track in framework.families[0].tracks:
        assert track.description and track.description in roles and track.description in legend


@pytest.mark.build
def test_grade_codes_are_shown_as_written(site: Site) -> None:
    page = site.html("/paths/operations/")
    assert '<span class="cg-sr">, Operations, TD</span>' in page and ", td<" not in page
    assert '<span class="cg-sr">, Engineering, E5</span>' in site.html("/paths/engineering/")


@pytest.mark.build
def test_the_plan_data_carries_each_roles_statements(site: Site, framework: Guide) -> None:
    data = json.loads((site.root / "assets" / "career-data.json").read_text(encoding="utf-8"))
    for role in framework.roles.values():
        stated = {c: "\n".join(e.texts) for c, e in role.expectations.items() if e.statements}
        assert data["roles"][role.id].get("statements", {}) == stated, role.id
    assert data["roles"]["e1"]["statements"]["quality-skill"] == "Engineer I keeps the tests of a task meaningful."
    assert "delivery-skill" not in data["roles"]["e1"]["statements"], "only where the role states something"
    assert data["competencies"]["quality-skill"]["levels"] == [""] * 5, "no descriptor is made up"


@pytest.mark.build
def test_every_word_of_statements_examples_and_tracks_is_searchable_on_its_page(site: Site) -> None:
    # The search sections mirror each layout (macros/pages/search_sections.py): what a role states is found where it is shown.
    docs = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    fixed = _fixed_wording()
    for location in ("roles/e4/", "roles/operations-engineer/", "competencies/operations-skill/", "paths/engineering/", "competencies/"):
        entries = [entry for entry in docs if entry["location"].split("#")[0] == location]
        ours = set().union(*(_words(entry["title"]) | _words(entry["text"]) for entry in entries))
        theirs = set().union(*(_words(entry["title"]) | _words(entry["text"]) for entry in _material_entries(site, location)))
        assert not theirs - ours - fixed, f"{location}: words on the page that search does not find"
    e4 = " ".join(entry["text"] for entry in docs if entry["location"].startswith("roles/e4/"))
    assert "Senior Engineer II example of statement B: reviewed the payments redesign." in html.unescape(e4)


@pytest.mark.build
def test_make_check_asks_for_a_statement_where_nothing_describes_the_step(tmp_path: Path) -> None:
    shutil.copytree(FRAMEWORK, tmp_path / "data")
    path = tmp_path / "data" / "career_paths" / "operations.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    incident-response:\n      level: Working knowledge\n", text.index("id: operations-lead"))
    path.write_text(text[:start] + "    incident-response: Working knowledge\n", encoding="utf-8")
    line = text[:start].count("\n") + 1
    result = run_check(tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(
        f"data/career_paths/operations.yml:{line}: role 'operations-lead': skill 'incident-response' expects Working knowledge, "
        "which nothing describes"
    )
    assert "e.g. incident-response: {level: Working knowledge, statements: [What someone in this role does.]}" in result.stderr


@pytest.mark.build
def test_the_frameworks_pages_are_valid_html(site: Site) -> None:
    # Statements with their examples nest lists in table cells, moves and steps; a descriptor that is a list sits beside them.
    problems = [problem for problem in nu_errors(site.root) if not problem.tolerated()]
    assert not problems, "\n".join(map(str, problems))
