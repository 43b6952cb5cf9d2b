"""The virtual pages generated from data, and where they sit in the navigation."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from .model import Guide, Origin, Template, Worksheet
from .render.messages import template_page, templates_index_page
from .render.paths import family_page, paths_index_page
from .render.role_worksheet import role_worksheet_page
from .render.roles import role_page
from .render.worksheets import worksheet_page, worksheets_index_page
from .urls import (
    PATHS_URL,
    TEMPLATES_URL,
    WORKSHEETS_URL,
    family_url,
    role_url,
    role_worksheet_url,
    source_path,
    template_url,
    worksheet_url,
)

CAREER_PATHS_MARKER = source_path(PATHS_URL)
TEMPLATES_MARKER = source_path(TEMPLATES_URL)
WORKSHEETS_MARKER = source_path(WORKSHEETS_URL)
"""The nav entries in mkdocs.yml that generated sections replace."""


class GeneratedPage(NamedTuple):
    """A page made from data: its virtual Markdown file and where it comes from."""

    src_uri: str
    markdown: str
    origin: Origin | None
    """The data file the page comes from ("Edit this page" opens it); None for
    index pages, which gather many files and so have no single one to edit."""
    in_nav: bool = True


def generated_pages(guide: Guide) -> list[GeneratedPage]:
    """Every page the data produces."""
    families = guide.families
    pages = [GeneratedPage(CAREER_PATHS_MARKER, paths_index_page(guide), None)]
    for family in families:
        pages.append(GeneratedPage(source_path(family_url(family.id)), family_page(guide, family), family.origin))
        for role in family.roles:
            pages.append(GeneratedPage(source_path(role_url(role.id)), role_page(guide, role), role.origin))
            pages.append(
                GeneratedPage(source_path(role_worksheet_url(role.id)), role_worksheet_page(guide, role), role.origin, in_nav=False)
            )
    templates = list(guide.templates.values())
    pages.append(GeneratedPage(TEMPLATES_MARKER, templates_index_page(guide), None))
    pages.extend(GeneratedPage(source_path(template_url(t.id)), template_page(t), t.origin) for t in templates)
    sheets = list(guide.worksheets.values())
    pages.append(GeneratedPage(WORKSHEETS_MARKER, worksheets_index_page(guide), None))
    pages.extend(GeneratedPage(source_path(worksheet_url(w.id)), worksheet_page(w), w.origin) for w in sheets)
    return pages


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


def templates_nav(guide: Guide) -> list[Any]:
    return _listing_nav(TEMPLATES_MARKER, guide.templates.values(), template_url)


def worksheets_nav(guide: Guide) -> list[Any]:
    return _listing_nav(WORKSHEETS_MARKER, guide.worksheets.values(), worksheet_url)


SECTIONS = {CAREER_PATHS_MARKER: career_paths_nav, TEMPLATES_MARKER: templates_nav, WORKSHEETS_MARKER: worksheets_nav}
"""Each nav marker and the function that builds the section replacing it."""


def expand_nav(nav: list[Any], guide: Guide) -> list[Any]:
    """mkdocs.yml's nav with each marker replaced by its generated section."""
    expanded: list[Any] = []
    for entry in nav:
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
