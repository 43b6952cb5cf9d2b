"""Career paths at their edges, on a copy of the project that HR has just extended.

The copy gets, by editing YAML only: a new role appended to an existing family,
a family of one role with a long title and more than twenty skills, a family of
one role with no moves, and a cycle of lateral moves between the new roles.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers import Site, built_site, copy_project, sidebar

pytestmark = pytest.mark.build

LONG_TITLE = "Principal Research Scientist for Applied Machine Learning and Responsible Data Practice"
EXTRA_COMPETENCIES = [f"extra-skill-{number:02d}" for number in range(1, 11)]

NEW_ENGINEERING_ROLE = """
  - id: security-engineer
    title: Security Engineer
    level: 3
    summary: Keeps our products and our customers' data safe.
    responsibilities:
      - Review designs for security risks.
    skills:
      technical-craft: 3
      problem-solving: 3
    next: [staff-engineer]
    lateral: [research-scientist]
    development:
      - Lead the response to a security incident drill.
"""

RESEARCH_FAMILY = f"""id: research
name: Research
description: A family of one role.
roles:
  - id: research-scientist
    title: {LONG_TITLE}
    level: 4
    summary: Turns open questions into tested methods.
    responsibilities:
      - Publish what we learn.
    skills:
{{skills}}
    next: []
    lateral: [security-engineer]
    development:
      - Present a paper at a conference.
"""

LEGAL_FAMILY = """id: legal
name: Legal
description: Another family of one role, with no way out recorded.
roles:
  - id: counsel
    title: Counsel
    level: 3
    summary: Advises on contracts and regulation.
    responsibilities:
      - Review contracts.
    skills:
      communication: 3
    next: []
    lateral: []
    development:
      - Train the sales team on contract basics.
"""


def _extra_competency(ident: str) -> str:
    levels = "".join(f"      - Level {level} of {ident}.\n" for level in range(1, 6))
    name = ident.replace("-", " ").capitalize()
    return f"\n  - id: {ident}\n    name: {name}\n    description: A skill added for the test.\n    levels:\n{levels}"


def _extend(data: Path) -> None:
    competencies = data / "competencies.yml"
    competencies.write_text(
        competencies.read_text(encoding="utf-8") + "".join(map(_extra_competency, EXTRA_COMPETENCIES)), encoding="utf-8"
    )
    engineering = data / "career_paths" / "engineering.yml"
    engineering.write_text(engineering.read_text(encoding="utf-8") + NEW_ENGINEERING_ROLE, encoding="utf-8")

    all_competencies = re.findall(r"^  - id: (\S+)", competencies.read_text(encoding="utf-8"), re.M)
    skills = "".join(f"      {ident}: 4\n" for ident in all_competencies)
    (data / "career_paths" / "research.yml").write_text(RESEARCH_FAMILY.format(skills=skills.rstrip("\n")), encoding="utf-8")
    (data / "career_paths" / "legal.yml").write_text(LEGAL_FAMILY, encoding="utf-8")


@pytest.fixture(scope="module")
def extended(tmp_path_factory: pytest.TempPathFactory) -> Site:
    project = copy_project(tmp_path_factory.mktemp("extended"))
    _extend(project / "data")
    return built_site(project, tmp_path_factory.mktemp("extended-site"))


def test_a_new_role_gets_its_page(extended: Site) -> None:
    text = extended.text("/roles/security-engineer/")
    assert "Security Engineer" in text and "Engineering" in text and "Level 3" in text
    assert "Step up: Staff Engineer" in text
    assert f"Lateral move: {LONG_TITLE}" in text


def test_a_new_role_is_on_the_maps(extended: Site) -> None:
    for url in ("/paths/engineering/", "/paths/"):
        html = extended.html(url)
        assert 'data-role="security-engineer"' in html
    family_map = extended.html("/paths/engineering/")
    assert 'data-role="research-scientist"' in family_map, "lateral exits appear under other families"


def test_a_new_role_is_in_the_navigation(extended: Site) -> None:
    html = extended.html("/paths/engineering/")
    navigation = sidebar(html)
    below, new, above = (
        navigation.index(f'href="../../roles/{ident}/"') for ident in ("software-engineer", "security-engineer", "staff-engineer")
    )
    assert below < new < above, "roles of a family are listed in level order, whatever the YAML order"


def test_a_new_role_leads_into_existing_roles(extended: Site) -> None:
    text = extended.text("/roles/staff-engineer/")
    leading = text[text.index("Roles that lead here") : text.index("Questions to ask about this role")]
    assert "Security Engineer (Engineering, step up)" in leading


def test_a_lateral_cycle_renders_both_ways(extended: Site) -> None:
    scientist = extended.text("/roles/research-scientist/")
    assert "Lateral move: Security Engineer" in scientist
    assert f"{LONG_TITLE} (Research, lateral move)" in extended.text("/roles/security-engineer/")


def test_a_family_of_one_role(extended: Site) -> None:
    html = extended.html("/paths/legal/")
    assert html.count('class="cg-map__node') == 1
    assert "No moves out of this role are recorded" in extended.text("/roles/counsel/")
    assert "Counsel" in extended.text("/paths/legal/")


def test_a_role_with_more_than_twenty_skills(extended: Site) -> None:
    html = extended.html("/roles/research-scientist/")
    table = re.search(r'<table class="cg-skills">(.*?)</table>', html, re.S)
    assert table and table.group(1).count("<tr>") == 23 + 1
    assert "Level 4 of extra-skill-10." in extended.text("/roles/research-scientist/")


def test_a_long_title_is_wrapped_on_the_maps(extended: Site) -> None:
    """A node's title is HTML text, which wraps by itself: the whole title is there, as one phrase."""
    html = extended.html("/paths/research/")
    node = re.search(r'<a [^>]*data-role="research-scientist"[^>]*>(.*?)</a>', html, re.S)
    assert node, "the role has a node on its family map"
    title = re.search(r'<span class="cg-map__title">([^<]*)</span>', node.group(1))
    assert title and title.group(1) == LONG_TITLE


def test_search_index_has_every_new_role(extended: Site) -> None:
    index = json.loads((extended.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {entry["location"]: entry["title"] for entry in index["docs"]}
    assert titles["roles/security-engineer/"] == "Security Engineer"
    assert titles["roles/research-scientist/"] == LONG_TITLE
