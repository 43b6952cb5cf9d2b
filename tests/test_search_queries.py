"""Search answers the words employees type: 20 realistic queries, each with the page that should come first."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers import Site, copy_project, run_check
from playwright.sync_api import Page, expect

from macros.model.guide import Guide

QUERIES = {
    "promotion": "/paths/",
    "promote": "/paths/",
    "salary": "/conversation/",
    "pay rise": "/conversation/",
    "compensation": "/conversation/",
    "switch team": "/prepare/research/",
    "change role": "/prepare/research/",
    "transfer": "/prepare/research/",
    "mentor": "/prepare/goals/",
    "training": "/prepare/goals/",
    "rate myself": "/plan/",
    "skills gap": "/plan/",
    "book a meeting": "/meeting/request/",
    "thank you": "/follow-up/",
    "next steps": "/follow-up/",
    "strengths and weaknesses": "/prepare/self-assessment/",
    "agenda": "/prepare/agenda/",
    "Customer Success Manager": "/roles/customer-success-manager/",
    "Technical craft": "/competencies/technical-craft/",
    "follow-up action plan": "/follow-up/",
}


def _first_result(page: Page, query: str) -> str:
    """The address of the first result for `query`, typed at once once the index is ready."""
    page.keyboard.press("/")
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching")
    field = page.locator("input.md-search__input")
    # Filling does not search; the key press that follows searches once, for the whole query,
    # so the first results to appear are that query's.
    field.fill(query)
    field.press("End")
    first = page.locator(".md-search-result__item > a").first
    href = first.get_attribute("href") or ""
    path = href.split("://", 1)[-1].split("/", 1)[-1] if "://" in href else href
    return "/" + re.sub(r"\?h=.*$", "", path)


@pytest.mark.browser
@pytest.mark.parametrize("query", list(QUERIES))
def test_the_first_result_answers_the_query(page: Page, site_url: str, query: str) -> None:
    page.goto(site_url + "/")
    assert _first_result(page, query) == QUERIES[query]


@pytest.mark.build
def test_the_words_of_data_search_find_their_pages(site: Site, guide: Guide) -> None:
    index = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    for term in guide.search_terms:
        location = term.page.strip("/") + "/"
        (entry,) = [entry for entry in index["docs"] if entry["location"] == location]
        assert set(term.words) <= set(entry["tags"]), term


@pytest.mark.build
def test_a_search_term_for_a_page_that_does_not_exist_is_a_problem_with_its_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    search = project / "data" / "search.yml"
    search.write_text(search.read_text(encoding="utf-8").replace("page: /conversation/", "page: /conversations/", 1), encoding="utf-8")
    line = next(n for n, text in enumerate(search.read_text(encoding="utf-8").splitlines(), start=1) if "salary" in text)
    result = run_check(project)
    assert result.returncode == 1
    assert f"data/search.yml:{line}: the page '/conversations/' for the words salary," in result.stderr


@pytest.mark.build
def test_search_snippets_keep_words_apart(site: Site) -> None:
    index = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    joined = [
        (entry["location"], match.group(0))
        for entry in index["docs"]
        for match in re.finditer(r"\w*[a-z][.,;:!?]?[A-Z][a-z]\w*", re.sub(r"<[^>]+>", " ", entry["text"]))
    ]
    assert joined == [], "words of neighbouring elements run together"
