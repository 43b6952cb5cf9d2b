"""The virtual pages generated from data, and where they sit in the navigation."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

import jinja2

from .career_moves import moves_from
from .model import Family, Guide, Origin, Role, Template, Worksheet
from .render.career_map import career_map
from .render.environment import render
from .render.views import level_matrix, moves_by_role
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


def generated_pages(guide: Guide, env: jinja2.Environment) -> list[GeneratedPage]:
    """Every page the data produces, laid out by the templates of `env`."""
    pages = [GeneratedPage(CAREER_PATHS_MARKER, _paths_index(guide, env), None)]
    for family in guide.families:
        pages.append(GeneratedPage(source_path(family_url(family.id)), _family(guide, env, family), family.origin))
        for role in family.roles:
            pages.append(GeneratedPage(source_path(role_url(role.id)), _role(guide, env, role), role.origin))
            worksheet = _role_worksheet(guide, env, role)
            pages.append(GeneratedPage(source_path(role_worksheet_url(role.id)), worksheet, role.origin, in_nav=False))
    templates = list(guide.templates.values())
    index = render(env, "templates-index.md", page_url=TEMPLATES_URL, templates=templates)
    pages.append(GeneratedPage(TEMPLATES_MARKER, index, None))
    for template in templates:
        url = template_url(template.id)
        pages.append(GeneratedPage(source_path(url), render(env, "template.md", page_url=url, template=template), template.origin))
    sheets = list(guide.worksheets.values())
    index = render(env, "worksheets-index.md", page_url=WORKSHEETS_URL, guide=guide, worksheets=sheets)
    pages.append(GeneratedPage(WORKSHEETS_MARKER, index, None))
    for sheet in sheets:
        url = worksheet_url(sheet.id)
        pages.append(GeneratedPage(source_path(url), render(env, "worksheet.md", page_url=url, worksheet=sheet), sheet.origin))
    return pages


def _paths_index(guide: Guide, env: jinja2.Environment) -> str:
    families = list(guide.families)
    return render(
        env,
        "paths.md",
        page_url=PATHS_URL,
        guide=guide,
        map=career_map(guide, families, caption="Career map of all job families"),
        moves=moves_by_role(guide, families),
    )


def _family(guide: Guide, env: jinja2.Environment, family: Family) -> str:
    return render(
        env,
        "family.md",
        page_url=family_url(family.id),
        guide=guide,
        family=family,
        map=career_map(guide, [family], caption=f"Career map of {family.name}"),
        moves=moves_by_role(guide, [family]),
        matrix=level_matrix(guide, family),
    )


def _role(guide: Guide, env: jinja2.Environment, role: Role) -> str:
    return render(
        env,
        "role.md",
        page_url=role_url(role.id),
        guide=guide,
        role=role,
        family=guide.family_of(role),
        moves=moves_from(guide, role),
        leading_here=guide.roles_leading_to(role),
        questions=guide.questions_for(role),
        templates=list(guide.templates.values()),
    )


AGENDA_KIND = "agenda"
"""The kind of template a role worksheet offers to send ahead."""


def _role_worksheet(guide: Guide, env: jinja2.Environment, role: Role) -> str:
    return render(
        env,
        "role-worksheet.md",
        page_url=role_worksheet_url(role.id),
        guide=guide,
        role=role,
        moves=moves_from(guide, role),
        questions=guide.questions_for(role),
        agenda=next((t for t in guide.templates.values() if t.kind == AGENDA_KIND), None),
    )


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
