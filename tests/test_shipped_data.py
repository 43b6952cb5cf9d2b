"""What any valid data must give, checked on the data the guide ships.

These tests name no role, family or text: HR's edits to data/ can make them
fail only by breaking the guide. To run them on another data folder:
`CAREER_GUIDE_DATA=path/to/data pytest tests/test_shipped_data.py`
(test_another_company.py does so with a company that shares no role with data/).
"""

from __future__ import annotations

import html
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urljoin, urlsplit

import pytest
from helpers import PROJECT, Site, axe_violations, built_site, copy_project, serving, settled
from playwright.sync_api import Page, expect
from test_markup_validity import nu_errors

from macros.loading import load_guide
from macros.model.guide import Guide

DATA = Path(os.environ.get("CAREER_GUIDE_DATA", PROJECT / "data"))


class Shipped(NamedTuple):
    guide: Guide
    site: Site


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Shipped:
    project = copy_project(tmp_path_factory.mktemp("shipped"), data=DATA)
    return Shipped(load_guide(project / "data"), built_site(project, tmp_path_factory.mktemp("shipped-site")))


def _pages(guide: Guide) -> dict[str, str]:
    """Every page the data must produce, with the title it must carry."""
    pages = {"/paths/": "Career paths", "/templates/": "Message templates", "/worksheets/": "Worksheets"}
    pages.update({f"/paths/{family.id}/": family.name for family in guide.families})
    for role in guide.roles.values():
        pages[f"/roles/{role.id}/"] = role.title
        pages[f"/roles/{role.id}/worksheet/"] = f"Preparation worksheet: {role.title}"
    pages.update({f"/templates/{template.id}/": template.title for template in guide.templates.values()})
    pages.update({f"/worksheets/{sheet.id}/": sheet.title for sheet in guide.worksheets.values()})
    return pages


def _heading(page_html: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", page_html, re.S)
    return html.unescape(re.sub(r'<a class="headerlink".*?</a>|<[^>]+>', "", match.group(1))).strip() if match else ""


@pytest.mark.build
def test_every_record_has_its_page_under_its_title(shipped: Shipped) -> None:
    wrong = {
        url: _heading(shipped.site.html(url)) for url, title in _pages(shipped.guide).items() if _heading(shipped.site.html(url)) != title
    }
    assert not wrong, wrong


@pytest.mark.build
def test_every_page_is_in_search(shipped: Shipped) -> None:
    index = json.loads((shipped.site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {entry["location"] for entry in index["docs"]}
    # A role's worksheet repeats its role page, which search finds instead.
    searchable = {url for url in _pages(shipped.guide) if not url.endswith("/worksheet/")}
    assert {url.strip("/") + "/" for url in searchable} <= locations


def _ids_and_links(page: Path) -> tuple[set[str], list[str]]:
    text = page.read_text(encoding="utf-8")
    return set(re.findall(r'\sid="([^"]+)"', text)), re.findall(r'<a [^>]*href="([^"]+)"', text)


@pytest.mark.build
def test_every_link_leads_to_a_page_and_anchor(shipped: Shipped) -> None:
    root = shipped.site.root
    pages = {"/" + path.relative_to(root).as_posix(): _ids_and_links(path) for path in root.rglob("*.html")}
    broken = []
    for url, (_, links) in pages.items():
        for link in links:
            target = urlsplit(urljoin(url, html.unescape(link)))
            if target.scheme or target.netloc:
                continue
            path = target.path if target.path.endswith(".html") else target.path.rstrip("/") + "/index.html"
            if path not in pages and not (root / target.path.lstrip("/")).is_file():
                broken.append(f"{url} -> {link}")
            elif target.fragment and path in pages and target.fragment not in pages[path][0]:
                broken.append(f"{url} -> {link} (no such anchor)")
    assert not broken, broken[:20]


@pytest.mark.build
def test_every_page_is_valid_html(shipped: Shipped) -> None:
    problems = [problem for problem in nu_errors(shipped.site.root) if not problem.tolerated()]
    assert not problems, "\n".join(map(str, problems[:20]))


@pytest.fixture(scope="module")
def shipped_url(shipped: Shipped) -> Iterator[str]:
    with serving(shipped.site.root) as (_, url):
        yield url


@pytest.mark.browser
@pytest.mark.parametrize("palette", ["default", "slate"])
def test_one_page_of_each_kind_passes_axe(shipped: Shipped, shipped_url: str, page: Page, palette: str) -> None:
    guide = shipped.guide
    role = next(iter(guide.roles.values()))
    kinds = [
        "/",
        "/paths/",
        f"/paths/{guide.family_of(role).id}/",
        f"/roles/{role.id}/",
        f"/roles/{role.id}/worksheet/",
        "/templates/",
        f"/templates/{next(iter(guide.templates))}/",
        "/worksheets/",
        f"/worksheets/{next(iter(guide.worksheets))}/",
        "/competencies/",
        f"/competencies/{next(iter(role.skills))}/",
    ]
    page.emulate_media(color_scheme="dark" if palette == "slate" else "light")
    found = {}
    for url in kinds:
        page.goto(shipped_url + url)
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", palette)
        settled(page)
        violations = axe_violations(page)
        if violations:
            found[url] = [f"{v['id']}: {v['help']}" for v in violations]
    assert not found, found
