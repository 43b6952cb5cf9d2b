"""Links in generated pages are resolved as a browser would, and only those leading nowhere are reported."""

from __future__ import annotations

import pytest

from macros.model.guide import Origin
from macros.pages.links import broken_links
from macros.pages.page import GeneratedPage

pytestmark = pytest.mark.unit

SITE = {"", "roles/a/", "roles/b/", "paths/", "assets/guide.css", "prepare/goals/"}


def _page(src_uri: str, body: str) -> GeneratedPage:
    return GeneratedPage.of(src_uri, f'<h1 id="top">T</h1>{body}', [], "T", Origin("data/career_paths/x.yml", 7))


@pytest.mark.parametrize(
    "href",
    [
        "../b/",
        "../../",
        "../../paths/",
        "/roles/b/",
        "../../assets/guide.css",
        "#top",
        "./",
        "../a/#top",
        "https://example.com/x",
        "mailto:hr@example.com",
        "../../prepare/goals/#anything",
    ],
)
def test_links_that_lead_somewhere_pass(href: str) -> None:
    assert broken_links([_page("roles/a/index.md", f'<a href="{href}">x</a>')], SITE) == []


@pytest.mark.parametrize(
    ("href", "reason"),
    [
        ("../c/", "leads to no page"),
        ("/roles/c/", "leads to no page"),
        ("#nowhere", "no heading or anchor '#nowhere'"),
        ("../a/#nowhere", "no heading or anchor"),
        ("../../assets/missing.css", "leads to no page"),
    ],
)
def test_a_link_that_leads_nowhere_is_reported_at_the_pages_record(href: str, reason: str) -> None:
    (problem,) = broken_links([_page("roles/a/index.md", f'<a class="x" href="{href}">x</a>')], SITE)
    assert (problem.path, problem.line) == ("data/career_paths/x.yml", 7)
    assert f"the link '{href}' on /roles/a/" in problem.message and reason in problem.message
