"""Generated pages are indexed from their data: the same sections, and every word of data, that Material finds in their HTML."""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from helpers import FIXTURES, SAMPLE_DATA, Site
from material.plugins.search.plugin import SearchIndex

from macros.loading import load_guide
from macros.model.career_moves import MOVE_LABELS, Change
from macros.model.urls import source_path
from macros.pages.catalogue import generated_pages
from macros.pages.kinds import KINDS, PageKind, no_search
from macros.pages.page import GeneratedPage
from macros.rendering.environment import PACKAGE_TEMPLATES, environment
from macros.rendering.views import KIND_LABELS, PERSON_FIELDS

TEMPLATES = PACKAGE_TEMPLATES / "career-guide"
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.DOTALL)
_TOC_LINK = re.compile(r'<a href="#([^"]+)" class="md-nav__link">')


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]+|\d+", html.unescape(re.sub(r"<[^>]+>", " ", text)).lower()))


def _fixed_wording() -> set[str]:
    """Words the layouts write themselves, on every page of a kind: not searched for, so not indexed."""
    labels = [*KIND_LABELS.values(), *MOVE_LABELS.values(), *(change.value for change in Change)]
    labels += [label for _, label, _, _ in PERSON_FIELDS]
    sources = [path.read_text(encoding="utf-8") for path in TEMPLATES.glob("*.html")]
    return set().union(*map(_words, labels + sources), _words("Edit this page"))


class _Page:
    """What Material's indexer reads of a page."""

    def __init__(self, url: str, content: str, toc_ids: list[str]) -> None:
        self.url = url
        self.content = content
        self.meta: dict[str, Any] = {}
        self.title = ""
        self.toc = [_TocItem(ident) for ident in toc_ids]


class _TocItem:
    def __init__(self, ident: str) -> None:
        self.id = ident
        self.url = f"#{ident}"
        self.children: list[_TocItem] = []


def _index(location: str, content: str, toc_ids: list[str]) -> list[dict[str, Any]]:
    """The entries Material's own indexer makes of a page's content."""
    # The page's content starts at its title (before it, the theme's "Edit this
    # page" button); a space before each tag keeps neighbouring table cells' words apart.
    content = content[content.index("<h1") :].replace("<", " <").lstrip()
    index = SearchIndex(lang=["en"])
    index.add_entry_from_context(_Page(location, content, toc_ids))
    return index.entries  # type: ignore[no-any-return]


def _material_entries(site: Site, location: str) -> list[dict[str, Any]]:
    """The entries Material's own indexer makes of the built page at `location`."""
    page = site.html("/" + location)
    article = _ARTICLE.search(page)
    assert article, location
    return _index(location, _on_screen(article.group(1)), _TOC_LINK.findall(page))


_PRINTED_ONLY = re.compile(r'<div class="cg-pack".*?(?=<h2)', re.DOTALL)


def _on_screen(page_html: str) -> str:
    """The page as a reader sees it on screen: the plan's meeting pack is printed only, and searched on its own pages."""
    return _PRINTED_ONLY.sub("", page_html)


def _toc_ids(tokens: list[dict[str, Any]]) -> list[str]:
    return [ident for token in tokens for ident in (token["id"], *_toc_ids(token["children"]))]


def _pages_by_kind(data: Path) -> list[tuple[PageKind, str, GeneratedPage]]:
    """Every page the catalogue makes of `data`, with its kind and address."""
    guide = load_guide(data)
    pages = {page.src_uri: page for page in generated_pages(guide, environment())}
    return [(kind, url, pages[source_path(url)]) for kind in KINDS for url in map(kind.url, kind.records(guide))]


def _entries(url: str, page: GeneratedPage) -> list[dict[str, Any]]:
    assert page.search is not None, url
    return [
        {"location": f"{url}#{section.anchor}" if section.anchor else url, "title": section.title, "text": section.text}
        for section in page.search()
    ]


GENERATED = {url for _, url, _ in _pages_by_kind(SAMPLE_DATA)}
"""The addresses of the built site's generated pages (it is built from SAMPLE_DATA)."""

FIXTURE_PAGES = [*_pages_by_kind(SAMPLE_DATA), *_pages_by_kind(FIXTURES / "framework" / "data")]
"""Every page of every kind made of the test companies: the search twin is checked on all of them, not a sample."""


@pytest.mark.unit
@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_every_page_of_every_kind_is_indexed_as_material_would_index_it(kind: PageKind) -> None:
    pages = [(url, page) for of_kind, url, page in FIXTURE_PAGES if of_kind is kind]
    assert pages, f"the test companies have no {kind.name} page"
    fixed = _fixed_wording()
    for url, page in pages:
        ours = _entries(url, page)
        if kind.search is no_search:
            assert ours == [], f"{url}: a page left out of search has no entries"
            continue
        theirs = _index(url, _on_screen(page.html), _toc_ids(page.toc))
        assert [(entry["location"], html.unescape(entry["title"])) for entry in ours] == [
            (entry["location"], html.unescape(entry["title"]).strip()) for entry in theirs
        ], url
        our_words = set().union(*(_words(entry["title"]) | _words(entry["text"]) for entry in ours))
        their_words = set().union(*(_words(entry["title"]) | _words(entry["text"]) for entry in theirs))
        missing = their_words - our_words - fixed
        assert not missing, f"{url}: words on the page that search does not find: {sorted(missing)}"


@pytest.fixture(scope="module")
def indexed(site: Site) -> dict[str, list[dict[str, Any]]]:
    """The site's search entries by page address."""
    docs = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    pages: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entry in docs:
        pages[entry["location"].split("#")[0]].append(entry)
    return pages


@pytest.mark.build
def test_generated_pages_keep_the_sections_material_finds(site: Site, indexed: dict[str, list[dict[str, Any]]]) -> None:
    generated = [location for location in indexed if location in GENERATED]
    assert len(generated) > 20
    for location in generated:
        ours = [(entry["location"], entry["title"]) for entry in indexed[location]]
        theirs = [(entry["location"], html.unescape(entry["title"]).strip()) for entry in _material_entries(site, location)]
        assert [(where, html.unescape(title)) for where, title in ours] == theirs, location


@pytest.mark.build
def test_every_word_of_data_on_a_generated_page_is_searchable_on_it(site: Site, indexed: dict[str, list[dict[str, Any]]]) -> None:
    fixed = _fixed_wording()
    for location, entries in indexed.items():
        if location not in GENERATED:
            continue
        ours = set().union(*(_words(entry["title"]) | _words(entry["text"]) for entry in entries))
        theirs = set().union(*(_words(entry["title"]) | _words(entry["text"]) for entry in _material_entries(site, location)))
        assert not theirs - ours - fixed, f"{location}: words on the page that search does not find"


@pytest.mark.build
def test_a_role_worksheet_is_left_to_its_role_page_in_search(indexed: dict[str, list[dict[str, Any]]]) -> None:
    # It repeats its role page: one result for the role, which links to its worksheet.
    roles = [location for location in indexed if location.startswith("roles/")]
    assert roles and not [location for location in roles if location.endswith("/worksheet/")]


@pytest.mark.build
def test_search_text_is_escaped(indexed: dict[str, list[dict[str, Any]]]) -> None:
    for entries in indexed.values():
        for entry in entries:
            tags = set(re.findall(r"</?([a-z0-9]+)", entry["text"]))
            assert tags <= {"p", "ul", "ol", "li", "code", "pre"}, entry["location"]
