"""The editors' guide, kept out of employees' way, and "Edit this page" links that open the file a page comes from."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest
from helpers import PROJECT, SAMPLE_DATA, Site, editor_errors, editor_yaml
from playwright.sync_api import Page, expect

from macros.model.guide import Guide

REPOSITORY = "https://git.brightwell.example/people/career-guide/edit/main/"
SCHEMA_OF = {
    "company.yml": "company.json",
    "competencies.yml": "competencies.json",
    "career_paths": "career-path.json",
    "questions": "question-bank.json",
    "templates": "template.json",
    "worksheets": "worksheet.json",
    "search.yml": "search.json",
    "opportunities.yml": "opportunities.json",
}


def _edit_link(site: Site, url: str) -> str | None:
    match = re.search(r'<a href="([^"]+)" title="Edit this page"', site.html(url))
    return unescape(match.group(1)) if match else None


@pytest.mark.parametrize(
    ("url", "source"),
    [
        ("/", "docs/index.md"),
        ("/prepare/agenda/", "docs/prepare/agenda.md"),
        ("/editing/", "docs/editing.md"),
        ("/roles/senior-engineer/", "data/career_paths/engineering.yml"),
        ("/roles/senior-engineer/worksheet/", "data/career_paths/engineering.yml"),
        ("/paths/design/", "data/career_paths/design.yml"),
        ("/templates/thank-you/", "data/templates/thank-you.yml"),
        ("/worksheets/follow-up-plan/", "data/worksheets/follow-up-plan.yml"),
    ],
)
@pytest.mark.build
def test_edit_this_page_opens_the_source_file(site: Site, url: str, source: str) -> None:
    assert _edit_link(site, url) == REPOSITORY + source
    project = SAMPLE_DATA.parent if source.startswith("data/") else PROJECT  # the site is built from the test data
    assert (project / source).is_file()


@pytest.mark.build
@pytest.mark.parametrize("url", ["/paths/", "/templates/", "/worksheets/"])
def test_index_pages_gathering_many_files_have_no_edit_link(site: Site, url: str) -> None:
    assert _edit_link(site, url) is None


@pytest.mark.build
def test_every_generated_page_can_be_edited(site: Site, guide: Guide) -> None:
    for role in guide.roles.values():
        link = _edit_link(site, f"/roles/{role.id}/")
        assert link == REPOSITORY + role.origin.path


@pytest.mark.build
def test_editors_guide_covers_each_kind_of_file_and_task(site: Site) -> None:
    text = site.text("/editing/")
    for words in (
        "data/company.yml",
        "data/competencies.yml",
        "data/career_paths/",
        "data/questions/",
        "data/templates/",
        "data/worksheets/",
        "First day",
        "Set up, once",
        "make new-company",
        "Branding",
        "Add a job family",
        "Add a role",
        "Rename a role",
        "Delete or move a role",
        "Review in a spreadsheet",
        "Open the built site, and publish",
        "Required fields",
        "Add a question",
        "Add a message template",
        "make check",
        "make serve",
        "The five most common mistakes",
        "yaml-language-server",
    ):
        assert words in text, words


def _examples() -> list[tuple[str, str]]:
    source = (PROJECT / "docs" / "editing.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", source, re.S)
    return [(block.splitlines()[0].removeprefix("# "), block) for block in blocks]


@pytest.mark.unit
@pytest.mark.parametrize(("path", "example"), _examples(), ids=[path for path, _ in _examples()])
def test_annotated_examples_are_valid_data(path: str, example: str) -> None:
    name = path.split("/")[1]
    assert editor_errors(editor_yaml(example), SCHEMA_OF[name]) == []


@pytest.mark.unit
def test_there_is_an_example_of_each_kind_of_file() -> None:
    kinds = {path.split("/")[1] for path, _ in _examples()}
    assert kinds == set(SCHEMA_OF)


def _guide_source() -> str:
    return (PROJECT / "docs" / "editing.md").read_text(encoding="utf-8")


def _section(source: str, heading: str) -> str:
    start = source.index(f"\n## {heading}\n")
    return source[start : source.find("\n## ", start + 1)]


@pytest.mark.unit
def test_the_editors_guide_starts_with_the_first_day() -> None:
    source = _guide_source()
    assert re.findall(r"^## (.+)$", source, re.MULTILINE)[0] == "First day"
    first_day = _section(source, "First day")
    steps = ["make new-company", "colour and logo", "(#branding)", "data/career_paths/", "make check", "make serve", "(#publishing)"]
    positions = [first_day.find(step) for step in steps]
    assert -1 not in positions and positions == sorted(positions), dict(zip(steps, positions, strict=True))
    assert "pull request" in first_day


@pytest.mark.unit
def test_the_editors_guide_says_which_commands_change_data_files() -> None:
    source = _guide_source()
    assert "No command ever changes" not in source
    (paragraph,) = [line for line in source.splitlines() if line.startswith("**Which commands change your data files.**")]
    for command in ("make new-company", "make rename", "make import FILE=... APPLY=1", "checks first"):
        assert command in paragraph, command


@pytest.mark.unit
def test_editors_are_told_to_check_and_build_not_to_run_the_developers_suite() -> None:
    source = _guide_source()
    assert "run `make check` and `make build`" in source
    assert all("developers'" in line for line in source.splitlines() if "make test" in line)


@pytest.mark.unit
def test_the_editors_guide_speaks_of_a_company_that_is_not_a_software_company() -> None:
    assert not re.search(r"engineer|software|developer\b", _guide_source(), re.IGNORECASE)


@pytest.mark.build
def test_employees_navigation_and_search_do_not_show_the_editors_guide(site: Site) -> None:
    for url in ("/", "/conversation/", "/worksheets/follow-up-plan/"):
        assert 'href="../editing/"' not in site.html(url) and "Editing the guide</span>" not in site.html(url), url
    index = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [entry["location"] for entry in index["docs"] if entry["location"].startswith("editing/")]
    assert "Editing the guide" in site.text("/editing/"), "editors reach it by its address"


@pytest.mark.browser
def test_editing_links_show_only_in_a_browser_switched_to_editing(page: Page, site_url: str) -> None:
    edit = page.locator('a[title="Edit this page"]')
    repository = page.locator(".md-header__source")
    page.goto(site_url + "/roles/senior-engineer/")
    expect(edit).to_be_hidden()
    expect(repository).to_be_hidden()
    page.goto(site_url + "/editing/")
    page.get_by_role("button", name="Show editing links on every page").click()
    expect(page.get_by_role("button", name="Hide editing links")).to_have_attribute("aria-pressed", "true")
    page.goto(site_url + "/roles/senior-engineer/")
    expect(edit).to_be_visible()
    expect(repository).to_be_visible()


@pytest.mark.build
def test_the_required_fields_of_each_kind_are_listed_from_the_schemas(site: Site) -> None:
    from macros.loading.required_fields import required_fields

    text = site.text("/editing/")
    for row in required_fields(PROJECT / "data" / "schema"):
        assert row.file in text and ", ".join(row.fields) in text, row
