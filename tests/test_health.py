"""Content health: owners and review dates, what make check warns about, and the editors' page that lists it all."""

from __future__ import annotations

import datetime
import json
import re
import shutil
from pathlib import Path

import pytest
from helpers import FIXTURES, SAMPLE_DATA, Site, run_check

from macros.loading import load_guide
from macros.model.errors import DataError
from macros.model.guide import Guide
from macros.model.health import content_health
from macros.pages.catalogue import generated_pages
from macros.rendering.environment import environment

TODAY = datetime.date(2026, 12, 1)


@pytest.mark.unit
def test_an_overdue_review_is_listed_and_a_future_one_is_not(guide: Guide) -> None:
    health = content_health(guide, TODAY)
    assert [(record.kind, record.name, record.review.owner) for record in health.overdue] == [
        ("Job family", "Engineering", "engineering-leads@brightwell.example")
    ]
    assert {record.name for record in health.owned} == {"Engineering", "Design and Research"}
    assert health.owned[0].name == "Engineering", "by due date"


@pytest.mark.unit
def test_the_findings_follow_from_the_data(guide: Guide) -> None:
    health = content_health(guide, TODAY)
    roles = list(guide.roles.values())
    specific = [question for question in guide.questions.values() if not question.is_general]
    assert health.roles_without_questions == [
        role for family in guide.families for role in family.roles if not any(q.applies_to(role) for q in specific)
    ]
    assert {role.id for role in health.roles_without_development} == {role.id for role in roles if not role.development}
    used = {competency for role in roles for competency in role.skills}
    assert {c.id for c in health.unused_competencies} == set(guide.competencies) - used
    for role, target in health.one_way_moves:
        assert target.id in role.lateral and role.id not in target.lateral


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SAMPLE_DATA, tmp_path / "data"))


def _edit(data_dir: Path, relative: str, old: str, new: str) -> None:
    path = data_dir / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.unit
def test_a_family_whose_levels_skip_a_step_is_found(data_dir: Path, guide: Guide) -> None:
    assert not [gap for gap in content_health(guide, TODAY).level_gaps if gap.family.id == "design"]
    design = next(family for family in guide.families if family.id == "design")
    top = max(design.roles, key=lambda role: role.level)
    path = data_dir / "career_paths" / "design.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"  - id: {top.id}\n")
    block = text[start:].replace(f"    level: {top.level}\n", f"    level: {top.level + 2}\n", 1)
    path.write_text(text[:start] + block, encoding="utf-8")
    (gap,) = [gap for gap in content_health(load_guide(data_dir), TODAY).level_gaps if gap.family.id == "design"]
    assert gap.missing == [top.level, top.level + 1] or gap.missing == [top.level + 1]


@pytest.mark.unit
def test_a_date_that_does_not_exist_is_a_problem_with_its_line(data_dir: Path) -> None:
    _edit(data_dir, "career_paths/design.yml", "review_by: 2999-12-31", "review_by: 2027-02-30")
    with pytest.raises(DataError) as caught:
        load_guide(data_dir)
    lines = (data_dir / "career_paths" / "design.yml").read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, start=1) if "2027-02-30" in text)
    assert [str(problem) for problem in caught.value.problems] == [
        f"data/career_paths/design.yml:{line}: 'review_by' is 2027-02-30, a date that does not exist: write a real date as YYYY-MM-DD"
    ]


@pytest.mark.unit
def test_a_date_in_another_form_is_refused_by_the_schema(data_dir: Path) -> None:
    _edit(data_dir, "career_paths/design.yml", "review_by: 2999-12-31", "review_by: 31/12/2999")
    with pytest.raises(DataError) as caught:
        load_guide(data_dir)
    assert "is not a date: write it as YYYY-MM-DD" in caught.value.report()


@pytest.mark.build
def test_make_check_warns_about_an_overdue_review_without_failing(tmp_path: Path) -> None:
    shutil.copytree(SAMPLE_DATA, tmp_path / "data")
    result = run_check(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "data/career_paths/engineering.yml:1: warning: the review of job family 'Engineering'" not in result.stderr
    assert "warning: the review of job family 'Engineering' (owner: engineering-leads@brightwell.example) was due on 2000-01-01" in (
        result.stderr
    )
    assert result.stderr.startswith("data/career_paths/engineering.yml:")
    assert "Design and Research" not in result.stderr
    assert result.stdout.startswith("OK: ")


@pytest.mark.build
def test_the_content_health_page_is_for_editors_only(site: Site) -> None:
    text = site.text("/editing/health/")
    assert "Reviews overdue" in text and "Engineering" in text and "2000-01-01" in text
    assert "data/career_paths/engineering.yml:" in text
    assert 'href="health/"' in site.html("/editing/"), "editors reach it from their guide"
    index = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [entry for entry in index["docs"] if entry["location"].startswith("editing/")]
    assert "Content health" not in site.html("/conversation/")


# Two definitions of one competency: what a renamed duplicate id leaves behind.

FRAMEWORK = FIXTURES / "framework" / "data"
TWIN = (
    "- id: nw-quality\n  area: delivery\n  name: quality\n  description: Quality as the older framework defined it.\n"
    "  levels: [One., Two., Three., Four., Five.]\n"
)
"""A second "Quality", in another area, with its own descriptors."""


@pytest.fixture
def framework_dir(tmp_path: Path) -> Path:
    data = Path(shutil.copytree(FRAMEWORK, tmp_path / "data"))
    path = data / "competencies.yml"
    path.write_text(path.read_text(encoding="utf-8") + TWIN, encoding="utf-8")
    return data


@pytest.mark.unit
def test_a_family_using_one_of_two_namesakes_while_the_other_is_unused_is_listed(framework_dir: Path) -> None:
    guide = load_guide(framework_dir)
    (entry,) = content_health(guide, TODAY).namesake_families
    assert entry.family.id == "engineering", "operations asks for no quality"
    (namesake,) = entry.namesakes
    assert (namesake.used.competency.id, namesake.other.competency.id) == ("quality-skill", "nw-quality")
    assert namesake.used.area and namesake.used.area.name == "Quality"
    assert namesake.other.area and namesake.other.area.name == "Delivery"
    assert [family.id for family in namesake.used.families] == ["engineering"] and namesake.other.families == []


@pytest.mark.unit
def test_two_families_each_using_their_own_namesake_are_not_listed_but_one_using_both_is(framework_dir: Path) -> None:
    _edit(framework_dir, "career_paths/operations.yml", "  skills:\n", "  skills:\n    nw-quality: 3\n")
    assert content_health(load_guide(framework_dir), TODAY).namesake_families == []
    _edit(
        framework_dir,
        "career_paths/engineering.yml",
        "    delivery-skill: Awareness\n",
        "    delivery-skill: Awareness\n    nw-quality: 1\n",
    )
    (entry,) = content_health(load_guide(framework_dir), TODAY).namesake_families
    assert entry.family.id == "engineering" and len(entry.namesakes) == 1, "the pair once, not once each way"
    assert [family.id for family in entry.namesakes[0].other.families] == ["engineering", "operations"]


@pytest.mark.unit
def test_the_content_health_page_names_both_definitions_and_who_uses_them(framework_dir: Path) -> None:
    guide = load_guide(framework_dir)
    (page,) = [page for page in generated_pages(guide, environment()) if page.src_uri.startswith("editing/health/")]
    section = page.html[page.html.index('id="job-families-that-may-mean-another-definition-of-a-competency"') :]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", section))
    twin_line = len((framework_dir / "competencies.yml").read_text(encoding="utf-8").splitlines()) - 4
    family = guide.families[0].origin
    assert f"Engineering ({family.path}:{family.line}): Quality quality-skill (area Quality, scale NW proficiency" in text
    assert "is used by Engineering; quality nw-quality (area Delivery, scale NW proficiency, " in text
    assert f"data/competencies.yml:{twin_line}) is used by no role" in text
