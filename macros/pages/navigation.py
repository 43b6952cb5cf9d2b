"""Where the generated pages sit in the navigation: the sections that replace mkdocs.yml's markers."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from typing import Any

from ..model.guide import Guide, Template, Worksheet
from ..model.urls import (
    COMPETENCIES_URL,
    OPPORTUNITIES_URL,
    PATHS_URL,
    TEMPLATES_URL,
    WORKSHEETS_URL,
    competency_url,
    family_url,
    role_url,
    source_path,
    template_url,
    worksheet_url,
)
from .kinds import opportunities_page

CAREER_PATHS_MARKER = source_path(PATHS_URL)
COMPETENCIES_MARKER = source_path(COMPETENCIES_URL)
TEMPLATES_MARKER = source_path(TEMPLATES_URL)
WORKSHEETS_MARKER = source_path(WORKSHEETS_URL)
"""The nav entries in mkdocs.yml that generated sections replace."""


def _nav_title(value: str) -> str:
    # Material prints nav titles as HTML: escape them.
    return html.escape(value, quote=False)


def career_paths_nav(guide: Guide) -> list[Any]:
    """The 'Career paths' section: the overview, then each family with its roles by level."""
    section: list[Any] = [CAREER_PATHS_MARKER]
    for family in guide.families:
        roles = [{_nav_title(role.title): source_path(role_url(role.id))} for role in family.roles]
        section.append({_nav_title(family.name): [source_path(family_url(family.id)), *roles]})
    return section


def _listing_nav(marker: str, records: Iterable[Template | Worksheet], url_of: Callable[[str], str]) -> list[Any]:
    """A section of one page per record, after the section's index page."""
    return [marker, *({_nav_title(record.title): source_path(url_of(record.id))} for record in records)]


def competencies_nav(guide: Guide) -> list[Any]:
    """The 'Competencies' section: the overview by area, then each competency."""
    return [COMPETENCIES_MARKER, *({_nav_title(c.name): source_path(competency_url(c.id))} for c in guide.competencies.values())]


def templates_nav(guide: Guide) -> list[Any]:
    return _listing_nav(TEMPLATES_MARKER, guide.templates.values(), template_url)


def worksheets_nav(guide: Guide) -> list[Any]:
    return _listing_nav(WORKSHEETS_MARKER, guide.worksheets.values(), worksheet_url)


SECTIONS = {
    CAREER_PATHS_MARKER: career_paths_nav,
    COMPETENCIES_MARKER: competencies_nav,
    TEMPLATES_MARKER: templates_nav,
    WORKSHEETS_MARKER: worksheets_nav,
}
"""Each nav marker and the function that builds the section replacing it."""

OPTIONAL_PAGES: dict[str, Callable[[Guide], bool]] = {
    source_path(OPPORTUNITIES_URL): lambda guide: bool(opportunities_page(guide)),
}
"""Generated pages that only some data makes, each with whether a guide makes it: mkdocs.yml lists
them, and a guide without one (a company without data/opportunities.yml) builds without its entry."""


def _page(entry: Any) -> Any:
    """The page an entry of the nav names (`page.md` or `{title: page.md}`), or its section's list."""
    if isinstance(entry, dict) and len(entry) == 1:
        return next(iter(entry.values()))
    return entry


def expand_nav(nav: list[Any], guide: Guide) -> list[Any]:
    """mkdocs.yml's nav with each marker replaced by its generated section, and optional pages this guide does not make left out."""
    expanded: list[Any] = []
    for entry in nav:
        page = _page(entry)
        if isinstance(page, str) and page in OPTIONAL_PAGES and not OPTIONAL_PAGES[page](guide):
            continue
        if isinstance(entry, dict):
            ((title, value),) = entry.items()
            if isinstance(value, str) and value in SECTIONS:
                expanded.append({title: SECTIONS[value](guide)})
            elif isinstance(value, list):
                expanded.append({title: expand_nav(value, guide)})
            else:
                expanded.append(entry)
        else:
            expanded.append(entry)
    return expanded
