"""What the company offers (data/opportunities.yml): its schema and mistakes, where it shows, and what leaves it out."""

from __future__ import annotations

import dataclasses
import datetime
import json
import re
import shutil
from pathlib import Path

import pytest
from helpers import PROJECT, SAMPLE_DATA, Site, editor_errors, editor_yaml, run_check
from openpyxl import load_workbook

from macros.commands.changes import describe_changes
from macros.commands.spreadsheet import export, importing, layout
from macros.loading import load_guide
from macros.model.errors import DataError
from macros.model.guide import OPPORTUNITY_KINDS, Guide, Origin
from macros.model.health import content_health, ended_warnings
from macros.pages.catalogue import generated_pages, page_urls
from macros.pages.navigation import expand_nav
from macros.pages.page import GeneratedPage
from macros.pages.plan_data import PLAN_DATA_PATH, plan_data
from macros.rendering.environment import environment

FILE = "opportunities.yml"
ENDED = "spring-hackathon"
"""The fixture's entry whose last day has passed."""
TODAY = datetime.date(2026, 12, 1)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A copy of the test data to change."""
    return Path(shutil.copytree(SAMPLE_DATA, tmp_path / "data"))


def _replace(data_dir: Path, old: str, new: str) -> None:
    path = data_dir / FILE
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_guide(data_dir)
    return [str(problem) for problem in caught.value.problems]


def _line(data_dir: Path, needle: str) -> int:
    """The line of the last occurrence of `needle` (of an id written twice, the second)."""
    lines = (data_dir / FILE).read_text(encoding="utf-8").splitlines()
    return max(number for number, line in enumerate(lines, start=1) if needle in line)


# The data, its schema and its mistakes.


@pytest.mark.unit
def test_the_fixture_and_the_shipped_data_offer_every_kind(guide: Guide) -> None:
    assert {offer.kind for offer in guide.opportunities.values()} == set(OPPORTUNITY_KINDS)
    shipped = load_guide(PROJECT / "data")
    assert sorted(offer.kind for offer in shipped.opportunities.values()) == sorted(OPPORTUNITY_KINDS), "one of each kind"
    opening = guide.opportunities["payments-opening"]
    assert (opening.role, opening.roles, opening.ends) == ("staff-engineer", ("senior-engineer",), datetime.date(2099, 6, 30))


@pytest.mark.unit
def test_an_entry_whose_last_day_has_passed_is_not_current(guide: Guide) -> None:
    assert ENDED in guide.opportunities
    current = [offer.id for offer in guide.current_opportunities(TODAY)]
    assert ENDED not in current and len(current) == len(guide.opportunities) - 1
    last_day = guide.opportunities[ENDED].ends
    assert last_day is not None and ENDED in [offer.id for offer in guide.current_opportunities(last_day)], "its last day counts"


@pytest.mark.unit
def test_the_schema_helps_editors() -> None:
    for path in (PROJECT / "data" / FILE, SAMPLE_DATA / FILE):
        assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=schema/opportunities.json\n")
        assert editor_errors(editor_yaml(path.read_text(encoding="utf-8")), "opportunities.json") == []
    wrong = editor_yaml(
        "opportunities:\n  - {id: a, title: A, kind: seminar, description: D, how_to_apply: H, contact: nobody, competencies: [x]}\n"
    )
    found = " ".join(editor_errors(wrong, "opportunities.json"))
    assert "'seminar' is not one of" in found and "'nobody' does not match" in found


@pytest.mark.unit
def test_the_package_copy_of_the_schema_is_the_editors_one() -> None:
    package = PROJECT / "macros" / "loading" / "schema" / "opportunities.json"
    assert package.read_text(encoding="utf-8") == (PROJECT / "data" / "schema" / "opportunities.json").read_text(encoding="utf-8")


MISTAKES = {
    "an unknown competency": (
        "    competencies: [communication, collaboration]\n",
        "    competencies: [communication, colaboration]\n",
        "colaboration",
        "opportunity 'negotiation-course': competency 'colaboration' does not exist (did you mean 'collaboration'?)",
    ),
    "an unknown role": (
        "    roles: [software-engineer, senior-engineer]\n",
        "    roles: [software-engineer, senior-enginer]\n",
        "senior-enginer",
        "opportunity 'cloud-certification': role 'senior-enginer' does not exist (did you mean 'senior-engineer'?)",
    ),
    "an unknown family": (
        "    families: [product, customer-success]\n",
        "    families: [product, customer-sucess]\n",
        "customer-sucess",
        "opportunity 'customer-insights-project': job family 'customer-sucess' does not exist (did you mean 'customer-success'?)",
    ),
    "an opening for an unknown role": (
        "    role: staff-engineer\n",
        "    role: staff-enginer\n",
        "role: staff-enginer",
        "opportunity 'payments-opening': role 'staff-enginer' does not exist (did you mean 'staff-engineer'?): "
        "write the id of the role that is open",
    ),
    "an opening without its role": (
        "    role: staff-engineer\n",
        "",
        "kind: opening",
        "opportunity 'payments-opening': an opening names the role that is open: add role: with its id",
    ),
    "a role on what is not an opening": (
        "    kind: rotation\n",
        "    kind: rotation\n    role: senior-engineer\n",
        "role: senior-engineer",
        "opportunity 'support-rotation': only an opening names a role, and this is a rotation: remove role:",
    ),
    "an end before the start": (
        "    starts: 2026-02-02\n    ends: 2099-12-31\n",
        "    starts: 2026-02-02\n    ends: 2026-01-31\n",
        "ends: 2026-01-31",
        "opportunity 'negotiation-course': it ends on 2026-01-31, before it starts on 2026-02-02: correct one of the two dates",
    ),
    "a date that does not exist": (
        "    ends: 2099-06-30\n",
        "    ends: 2099-02-30\n",
        "ends: 2099-02-30",
        "'ends' is 2099-02-30, a date that does not exist: write a real date as YYYY-MM-DD",
    ),
    "a date in another form": (
        "    starts: 2026-02-02\n",
        "    starts: 02/02/2026\n",
        "starts: 02/02/2026",
        "opportunity 'negotiation-course': 'starts' is '02/02/2026', which is not a date: write it as YYYY-MM-DD",
    ),
    "an e-mail address that is not one": (
        "    contact: academy@brightwell.example\n",
        "    contact: the academy\n",
        "contact: the academy",
        "opportunity 'negotiation-course': 'contact' is 'the academy', which is not an e-mail address",
    ),
    "a kind the guide does not know": (
        "    kind: rotation\n",
        "    kind: secondment\n",
        "kind: secondment",
        "opportunity 'support-rotation': 'kind' is 'secondment': use one of mentoring, shadowing, course",
    ),
    "a duplicate id": (
        "  - id: writers-circle\n",
        "  - id: support-rotation\n",
        "id: support-rotation",
        "opportunity id 'support-rotation' is already used at data/opportunities.yml:",
    ),
}


@pytest.mark.unit
@pytest.mark.parametrize("mistake", list(MISTAKES))
def test_a_mistake_is_reported_at_its_line(data_dir: Path, mistake: str) -> None:
    old, new, needle, expected = MISTAKES[mistake]
    _replace(data_dir, old, new)
    line = _line(data_dir, needle)
    problems = _problems(data_dir)
    assert any(problem.startswith(f"data/{FILE}:{line}: {expected}") for problem in problems), problems
    assert len(problems) == 1, problems


@pytest.mark.unit
def test_every_mistake_is_reported_at_once(data_dir: Path) -> None:
    # In several entries, and one broken by the schema: each entry's own problems, all in one report.
    chosen = ("an unknown competency", "an opening without its role", "a date that does not exist", "a kind the guide does not know")
    for mistake in chosen:
        old, new, _, _ = MISTAKES[mistake]
        _replace(data_dir, old, new)
    problems = _problems(data_dir)
    for mistake in chosen:
        assert any(MISTAKES[mistake][3] in problem for problem in problems), (mistake, problems)


@pytest.mark.unit
def test_a_reference_to_a_role_of_a_broken_family_is_left_to_that_file(data_dir: Path) -> None:
    # The family's own mistake is the one to fix: the opportunity naming its role is not reported as well.
    path = data_dir / "career_paths" / "engineering.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("name: Engineering", "name: [Engineering]", 1), encoding="utf-8")
    problems = _problems(data_dir)
    assert problems and not [problem for problem in problems if problem.startswith(f"data/{FILE}")], problems


@pytest.mark.unit
def test_a_company_without_the_file_builds_as_before(data_dir: Path) -> None:
    (data_dir / FILE).unlink()
    guide = load_guide(data_dir)
    assert not guide.opportunities
    assert "opportunities/" not in page_urls(guide)
    nav = [{"Competencies": "competencies/index.md"}, {"Opportunities": "opportunities/index.md"}, "opportunities/index.md"]
    assert expand_nav(nav, guide)[1:] == []
    assert expand_nav(nav, load_guide(SAMPLE_DATA))[1:] == nav[1:]
    assert plan_data(guide)["opportunities"] == []


# Where they show, made from the fixture without a build.


@pytest.fixture(scope="module")
def pages() -> dict[str, GeneratedPage]:
    """Every page of the fixture, by its virtual file."""
    return {page.src_uri: page for page in generated_pages(load_guide(SAMPLE_DATA), environment())}


@pytest.mark.unit
def test_the_opportunities_page_is_edited_in_its_file(pages: dict[str, GeneratedPage]) -> None:
    assert pages["opportunities/index.md"].origin == Origin(f"data/{FILE}", 1), '"Edit this page" opens data/opportunities.yml'


@pytest.mark.unit
def test_an_ended_entry_is_on_no_page_and_not_in_the_plan_data(guide: Guide, pages: dict[str, GeneratedPage]) -> None:
    title = guide.opportunities[ENDED].title
    assert not [uri for uri, page in pages.items() if title in page.html and not uri.startswith("editing/")]
    assert "Spring hackathon" in pages["editing/health/index.md"].html, "the editors see it has ended"
    assert ENDED not in {offer["id"] for offer in plan_data(guide)["opportunities"]}


@pytest.mark.unit
def test_the_plan_data_holds_what_the_plan_offers_for_each_gap(guide: Guide) -> None:
    offered = {offer["id"]: offer for offer in plan_data(guide, TODAY)["opportunities"]}
    assert set(offered) == {offer.id for offer in guide.current_opportunities(TODAY)}
    course = offered["negotiation-course"]
    assert course == {
        "id": "negotiation-course",
        "title": "Negotiation skills course",
        "kind": "course",
        "competencies": ["communication", "collaboration"],
        "roles": [],
        "families": [],
        "role": None,
        "contact": "academy@brightwell.example",
        "how_to_apply": "Book a place in the academy's catalogue after agreeing the dates with your manager.",
        "url": "opportunities/#opportunity-negotiation-course",
    }
    assert offered["payments-opening"]["role"] == "staff-engineer"
    assert "**" not in json.dumps(offered), "texts are plain"
    later = plan_data(guide, datetime.date(2099, 7, 1))
    assert "payments-opening" not in {offer["id"] for offer in later["opportunities"]}, "an opening past its last day"
    assert later["version"] != plan_data(guide, TODAY)["version"]


# Content health, make check and make changes.


@pytest.mark.unit
def test_content_health_lists_ended_opportunities_and_competencies_none_develops(guide: Guide) -> None:
    health = content_health(guide, TODAY)
    assert [offer.id for offer in health.ended_opportunities] == [ENDED]
    developed = {c for offer in guide.current_opportunities(TODAY) for c in offer.competencies}
    assert {c.id for c in health.undeveloped_competencies} == set(guide.competencies) - developed
    assert health.undeveloped_competencies, "the fixture leaves some competency without an opportunity"
    assert health.lists_opportunities


@pytest.mark.unit
def test_an_opportunity_past_its_review_date_is_overdue(data_dir: Path) -> None:
    review = "    owner: writers@brightwell.example\n    reviewed: 2025-01-01\n    review_by: 2026-01-01\n"
    _replace(data_dir, "    competencies: [communication]\n", "    competencies: [communication]\n" + review)
    health = content_health(load_guide(data_dir), TODAY)
    assert ("Opportunity", "Writers' circle", "opportunities/") in [(r.kind, r.name, r.url) for r in health.overdue]


@pytest.mark.unit
def test_an_ended_opportunity_is_a_warning_with_its_line(guide: Guide) -> None:
    (warning,) = ended_warnings(guide, TODAY)
    line = _line(SAMPLE_DATA, f"id: {ENDED}")
    assert str(warning) == (
        f"data/{FILE}:{line}: warning: opportunity 'Spring hackathon' ended on 2020-05-31, so the guide leaves it out: "
        "remove it, or give it new dates"
    )


@pytest.mark.build
def test_make_check_warns_about_an_ended_opportunity_without_failing(tmp_path: Path) -> None:
    shutil.copytree(SAMPLE_DATA, tmp_path / "data")
    result = run_check(tmp_path)
    assert result.returncode == 0, result.stderr
    assert re.search(rf"^data/{FILE}:\d+: warning: opportunity 'Spring hackathon' ended on 2020-05-31", result.stderr, re.MULTILINE)
    assert result.stdout.startswith("OK: ")


@pytest.mark.unit
def test_make_changes_lists_opportunities_added_removed_and_reworded(data_dir: Path, guide: Guide) -> None:
    _replace(data_dir, "title: Support rotation", "title: Customer support rotation")
    _replace(data_dir, "a recognised cloud architecture certification", "a cloud architecture certification")
    _replace(data_dir, "    contact: writers@brightwell.example\n", "    contact: circle@brightwell.example\n")
    now = load_guide(data_dir)
    opportunities = dict(now.opportunities)
    added = opportunities.pop("writers-circle")._replace(id="book-club", title="Book club")
    del opportunities["mentoring-programme"]
    now = dataclasses.replace(now, opportunities={**opportunities, "book-club": added})
    (section,) = [text for text in describe_changes(guide, now) if text.startswith("Opportunities:")]
    assert section.splitlines() == [
        "Opportunities:",
        "- new: Book club (community)",
        "- removed: Mentoring programme",
        "- removed: Writers' circle",
        "- Cloud architecture certification: description reworded",
        "- Support rotation is now called Customer support rotation",
    ]
    circle = now.opportunities["book-club"]._replace(id="writers-circle", title="Writers' circle")
    changed = dataclasses.replace(guide, opportunities={**guide.opportunities, "writers-circle": circle})
    (section,) = [text for text in describe_changes(guide, changed) if text.startswith("Opportunities:")]
    assert section.splitlines()[1:] == ["- Writers' circle: changed contact"]


# The workbook.


@pytest.mark.build
def test_the_workbook_shows_the_opportunities_locked_and_takes_nothing_back(data_dir: Path) -> None:
    project = data_dir.parent
    guide = load_guide(data_dir)
    path = project / "career-guide.xlsx"
    export.workbook(guide).save(path)
    book = load_workbook(path)
    sheet = book[layout.OPPORTUNITIES]
    assert book.sheetnames[-1] == layout.OPPORTUNITIES and sheet.protection.sheet
    assert [cell.value for cell in sheet[1]] == list(layout.OPPORTUNITY_COLUMNS)
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    assert set(rows) == set(guide.opportunities), "every entry as written, ended ones too"
    assert all(cell.protection.locked for row in sheet.iter_rows() for cell in row), "every cell is locked"
    course = {heading: cell.value for heading, cell in zip(layout.OPPORTUNITY_COLUMNS, rows["negotiation-course"], strict=True)}
    assert course["Competencies"] == "communication, collaboration" and course["Starts"] == "2026-02-02"
    assert importing.read_edits(book, guide, project).problems == [], "exported as it is, it changes nothing"

    sheet.protection.sheet = False  # as HR would, to type in a locked cell
    row = rows["negotiation-course"][0].row
    sheet.cell(row=row, column=layout.OPPORTUNITY_COLUMNS.index("Title") + 1, value="Negotiation course")
    sheet.cell(row=sheet.max_row + 1, column=1, value="new-course")
    found = importing.read_edits(book, guide, project)
    line = guide.opportunities["negotiation-course"].origin.line
    assert found.edits == []
    assert (
        f"Opportunities!B{row}: this sheet is for reading, and nothing typed here is taken back: change the opportunity in "
        f"data/{FILE}:{line}, then undo the change here"
    ) in found.problems, found.problems
    assert any(problem.startswith("Opportunities!A") and f"add the opportunity to data/{FILE}" in problem for problem in found.problems)


# The built site.


@pytest.mark.build
def test_the_opportunities_page_lists_them_by_kind_with_anchors_and_contacts(site: Site, guide: Guide) -> None:
    html = site.html("/opportunities/")
    text = site.text("/opportunities/")
    current = guide.current_opportunities(datetime.date.today())
    headings = re.findall(r'<h2 id="[^"]+">([^<]+)<', html)
    assert headings == ["Mentoring", "Shadowing", "Courses", "Certifications", "Projects", "Rotations", "Communities", "Open roles"]
    for offer in current:
        assert f'id="opportunity-{offer.id}"' in html and offer.title in text
        assert f'<a href="mailto:{offer.contact}">{offer.contact}</a>' in html
    assert "Spring hackathon" not in html, "an ended entry is left out"
    assert "2 February 2026 to 31 December 2099" in text and "every role in Engineering" in text
    assert 'href="../competencies/communication/"' in html
    assert "Opportunities" in re.sub(r"\s+", " ", html[html.index("md-sidebar--primary") :]), "in the navigation"


@pytest.mark.build
def test_a_competency_page_lists_the_opportunities_that_develop_it(site: Site) -> None:
    html = site.html("/competencies/communication/")
    section = html[html.index('id="opportunities-to-develop-it"') :]
    for anchor in ("customer-call-shadowing", "negotiation-course", "writers-circle"):
        assert f'href="../../opportunities/#opportunity-{anchor}"' in section
    assert "mentoring-programme" not in section
    assert "Spring hackathon" not in site.html("/competencies/problem-solving/")


@pytest.mark.build
def test_a_role_page_lists_what_the_company_offers_and_its_openings(site: Site) -> None:
    senior = site.html("/roles/senior-engineer/")
    offers = senior[senior.index('id="what-the-company-offers"') :]
    offers = offers[: offers.index("<h2")]
    found = re.findall(r'href="\.\./\.\./opportunities/#opportunity-([a-z-]+)"', offers)
    # For its family, for the role itself, for everyone (developing a skill it asks for), and an opening it may apply for.
    assert found == [
        "mentoring-programme",
        "customer-call-shadowing",
        "negotiation-course",
        "cloud-certification",
        "support-rotation",
        "writers-circle",
        "payments-opening",
    ]
    assert senior.count('id="what-the-company-offers"') == 1 and "Open now" not in senior
    staff = site.html("/roles/staff-engineer/")
    assert "Open now" in staff and 'href="../../opportunities/#opportunity-payments-opening"' in staff
    assert "apply by 30 June 2099" in site.text("/roles/staff-engineer/")
    assert "customer-insights-project" not in site.html("/roles/software-engineer/"), "meant for other families"


@pytest.mark.build
def test_the_plan_data_file_of_the_site_holds_the_opportunities(site: Site) -> None:
    data = json.loads((site.root / PLAN_DATA_PATH).read_text(encoding="utf-8"))
    assert {offer["id"] for offer in data["opportunities"]} == {
        "mentoring-programme",
        "customer-call-shadowing",
        "negotiation-course",
        "cloud-certification",
        "customer-insights-project",
        "support-rotation",
        "writers-circle",
        "payments-opening",
    }
