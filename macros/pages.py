"""The virtual pages generated from data, and where they sit in the navigation."""

from __future__ import annotations

import datetime
import functools
import html
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NamedTuple

import jinja2

from .career_moves import moves_from
from .fingerprint import digest
from .health import content_health
from .model import Guide, Origin, Template, Worksheet
from .plan_data import PLAN_DATA_PATH
from .render.career_map import career_map
from .render.environment import PACKAGE_TEMPLATES, is_guide_template, render
from .render.toc import PageHeadings
from .render.views import expected_at, expecting_groups, level_matrix, moves_by_role, role_skills, track_columns
from .routes import reachable
from .search_sections import SECTIONS_BY_LAYOUT, SearchSection
from .urls import (
    COMPETENCIES_URL,
    HEALTH_URL,
    PATHS_URL,
    PLAN_URL,
    TEMPLATES_URL,
    WORKSHEETS_URL,
    competency_url,
    family_url,
    rebase_root_links,
    role_url,
    role_worksheet_url,
    source_path,
    template_url,
    worksheet_url,
)

CAREER_PATHS_MARKER = source_path(PATHS_URL)
COMPETENCIES_MARKER = source_path(COMPETENCIES_URL)
TEMPLATES_MARKER = source_path(TEMPLATES_URL)
WORKSHEETS_MARKER = source_path(WORKSHEETS_URL)
"""The nav entries in mkdocs.yml that generated sections replace."""


_ID = re.compile(r'\sid="([^"]+)"')
_LINK = re.compile(r'<(?:a\s[^>]*?href|img\s[^>]*?src)="([^"]*)"')


class GeneratedPage(NamedTuple):
    """A page made from data: finished HTML with its table of contents, and where it comes from.

    MkDocs' Markdown step has nothing to do for it: the plugin hands MkDocs
    `html` and `toc` (see finished_page.FinishedPage).
    """

    src_uri: str
    body: bytes
    """The page's HTML, UTF-8 encoded: half the memory of a `str` holding any
    non-ASCII character, while every page of the site waits to be written."""
    toc: list[dict[str, Any]]
    """The headings as Python-Markdown's `toc_tokens`, for MkDocs' `get_toc`."""
    title: str
    """The first heading, HTML-escaped, as MkDocs would take it from Markdown."""
    origin: Origin | None
    """The data file the page comes from ("Edit this page" opens it); None for
    index pages, which gather many files and so have no single one to edit."""
    anchors: frozenset[str]
    """Every id in the page: what links into it may point at."""
    links: tuple[str, ...]
    """Every distinct `href` and image `src` in the page, as written, for the link check."""
    in_nav: bool = True
    search_boost: float | None = None
    """Below 1 ranks the page below others in search (role worksheets below their role)."""
    search: Callable[[], list[SearchSection]] | None = None
    """The page's search entries, built from the data when the page is indexed
    (not all held at once); None when a site's own template lays the page out,
    which only its HTML describes."""

    @classmethod
    def of(
        cls,
        src_uri: str,
        html: str,
        toc: list[dict[str, Any]],
        title: str,
        origin: Origin | None,
        in_nav: bool = True,
        search_boost: float | None = None,
        search: Callable[[], list[SearchSection]] | None = None,
    ) -> GeneratedPage:
        """The page whose HTML is `html`, with the ids and links found in it."""
        # Ids and links recur from page to page (every role page has the same
        # headings): one copy of each string serves them all.
        anchors = frozenset(map(sys.intern, _ID.findall(html)))
        links = tuple(map(sys.intern, dict.fromkeys(_LINK.findall(html))))
        return cls(src_uri, html.encode("utf-8"), toc, title, origin, anchors, links, in_nav, search_boost, search)

    @property
    def html(self) -> str:
        return self.body.decode("utf-8")

    @property
    def meta(self) -> dict[str, Any]:
        """What front matter would say: the title, and the page's rank in search."""
        meta: dict[str, Any] = {"title": self.title}
        if self.search_boost is not None:
            meta["search"] = {"boost": self.search_boost}
        return meta


WORKSHEET_SEARCH_BOOST = 0.5
"""A worksheet ranks below the page it prepares for in search results."""


class PageMemo:
    """While previewing: the pages of the last rebuild by the inputs they were made from.

    A page is made again only when something it is made from changed: its
    layout and the site's templates, the records it is given, and the parts of
    the whole guide its layout reads (GUIDE_READS). After an edit of one data
    file, most pages are taken as they were.
    """

    def __init__(self) -> None:
        self._pages: dict[str, GeneratedPage] = {}
        self._made: dict[str, GeneratedPage] = {}
        self.reused = 0
        self.made = 0
        """How many pages this rebuild took from the last one, and how many it made."""

    def begin(self) -> None:
        self._made = {}
        self.reused = self.made = 0

    def get(self, key: str) -> GeneratedPage | None:
        page = self._pages.get(key)
        if page is not None:
            self._made[key] = page
            self.reused += 1
        return page

    def put(self, key: str, page: GeneratedPage) -> None:
        self._made[key] = page
        self.made += 1

    def finish(self) -> None:
        """Keep this rebuild's pages, and only them, for the next one."""
        self._pages, self._made = self._made, {}


GUIDE_READS: dict[str, Callable[[Guide], object]] = {
    "role.html": lambda guide: (guide.competencies, [(family.id, family.name) for family in guide.families]),
    "paths.html": lambda guide: guide.families,
    "worksheets-index.html": lambda guide: guide.families,
}
"""What each layout reads of the whole guide (`guide.` in its template); a test keeps this in step with the templates."""


def _templates_digest(env: jinja2.Environment) -> str:
    """The site's and the guide's templates as they are now: an edited template makes every page anew."""
    loaders = getattr(env.loader, "loaders", [env.loader])
    folders = [PACKAGE_TEMPLATES, *(Path(folder) for loader in loaders for folder in getattr(loader, "searchpath", []))]
    stats = [(path.as_posix(), path.stat().st_mtime_ns) for folder in folders for path in sorted(folder.rglob("*.html"))]
    return digest(stats)


class _PageMaker:
    """Lays out generated pages with the templates of `env`, taking unchanged ones from `memo` when previewing."""

    def __init__(self, env: jinja2.Environment, guide: Guide, memo: PageMemo | None) -> None:
        self.env = env
        self.guide = guide
        self.memo = memo
        self._own_layouts: dict[str, bool] = {}
        self._guide_inputs: dict[str, str] = {}
        self._templates = _templates_digest(env) if memo is not None else ""

    def _own(self, layout: str) -> bool:
        if layout not in self._own_layouts:
            self._own_layouts[layout] = is_guide_template(self.env, layout)
        return self._own_layouts[layout]

    def __call__(
        self,
        layout: str,
        url: str,
        origin: Origin | None,
        *,
        in_nav: bool = True,
        boost: float | None = None,
        **context: Any,
    ) -> GeneratedPage:
        """The page at `url`, laid out by template `layout` with `context`."""
        if self.memo is None:
            return self._make(layout, url, origin, in_nav, boost, context)
        if layout not in self._guide_inputs:
            reads = GUIDE_READS.get(layout)
            # A site's own layout may read anything of the guide.
            self._guide_inputs[layout] = digest(self.guide if not self._own(layout) else reads(self.guide) if reads else None)
        others = {name: value for name, value in context.items() if name != "guide"}
        key = digest(self._templates, layout, url, origin, in_nav, boost, self._guide_inputs[layout], others)
        page = self.memo.get(key)
        if page is None:
            page = self._make(layout, url, origin, in_nav, boost, context)
            self.memo.put(key, page)
        return page

    def _make(
        self, layout: str, url: str, origin: Origin | None, in_nav: bool, boost: float | None, context: dict[str, Any]
    ) -> GeneratedPage:
        headings = PageHeadings()
        html = rebase_root_links(render(self.env, layout, page_url=url, headings=headings, **context), url)
        search = functools.partial(SECTIONS_BY_LAYOUT[layout], **context) if self._own(layout) else None
        return GeneratedPage.of(source_path(url), html, headings.tokens(), headings.title or "", origin, in_nav, boost, search)


def generated_pages(guide: Guide, env: jinja2.Environment, memo: PageMemo | None = None) -> list[GeneratedPage]:
    """Every page the data produces, laid out by the templates of `env` (or, previewing, taken from `memo`)."""
    if memo is not None:
        memo.begin()
    make = _PageMaker(env, guide, memo)
    families = list(guide.families)
    templates = list(guide.templates.values())
    agenda = _agenda(guide)
    pages = [
        make(
            "paths.html",
            PATHS_URL,
            None,
            guide=guide,
            map=career_map(guide, families, caption="Career map of all job families"),
            moves=moves_by_role(guide, families),
        )
    ]
    for family in families:
        pages.append(
            make(
                "family.html",
                family_url(family.id),
                family.origin,
                guide=guide,
                family=family,
                map=career_map(guide, [family], caption=f"Career map of {family.name}"),
                moves=moves_by_role(guide, [family]),
                matrix=level_matrix(guide, family),
                columns=track_columns(family),
            )
        )
        for role in family.roles:
            moves = moves_from(guide, role)
            questions = guide.questions_for(role)
            skills = role_skills(guide, role)  # the role page and its worksheet show the same
            pages.append(
                make(
                    "role.html",
                    role_url(role.id),
                    role.origin,
                    guide=guide,
                    role=role,
                    family=family,
                    skills=skills,
                    moves=moves,
                    leading_here=guide.roles_leading_to(role),
                    further=[(count, roles) for count, roles in reachable(guide, role, max_moves=3) if count > 1],
                    plan_url=PLAN_URL,
                    questions=questions,
                    templates=templates,
                )
            )
            pages.append(
                make(
                    "role-worksheet.html",
                    role_worksheet_url(role.id),
                    role.origin,
                    in_nav=False,
                    guide=guide,
                    role=role,
                    skills=skills,
                    moves=moves,
                    questions=questions,
                    agenda=agenda,
                )
            )
    pages.append(
        make(
            "plan.html",
            PLAN_URL,
            None,
            families=families,
            data_url=PLAN_DATA_PATH,
            agenda_url=template_url(agenda.id) if agenda else None,
            plan_sheets=[sheet for sheet in guide.worksheets.values() if sheet.from_plan],
            agenda=agenda,
            follow_up=next((sheet for sheet in guide.worksheets.values() if sheet.reminder), None),
            paths_url=PATHS_URL,
            worksheets_url=WORKSHEETS_URL,
        )
    )
    pages.append(make("competencies-index.html", COMPETENCIES_URL, None, groups=guide.competencies_by_area(), scales=guide.scales))
    for competency in guide.competencies.values():
        expecting = expecting_groups(guide, competency)
        pages.append(
            make(
                "competency.html",
                competency_url(competency.id),
                competency.origin,
                competency=competency,
                area=guide.areas.get(competency.area_id or ""),
                expecting=expecting,
                expected_at=expected_at(expecting),
                questions=guide.questions_about(competency),
            )
        )
    pages.append(make("templates-index.html", TEMPLATES_URL, None, templates=templates))
    pages.extend(make("template.html", template_url(t.id), t.origin, template=t) for t in templates)
    sheets = list(guide.worksheets.values())
    pages.append(make("worksheets-index.html", WORKSHEETS_URL, None, guide=guide, worksheets=sheets))
    pages.extend(
        make("worksheet.html", worksheet_url(sheet.id), sheet.origin, boost=WORKSHEET_SEARCH_BOOST, worksheet=sheet) for sheet in sheets
    )
    pages.append(make("content-health.html", HEALTH_URL, None, in_nav=False, health=content_health(guide, datetime.date.today())))
    if memo is not None:
        memo.finish()
    return pages


def page_urls(guide: Guide) -> set[str]:
    """The address of every page generated_pages makes, without making them (for `make check`)."""
    urls = {PATHS_URL, PLAN_URL, COMPETENCIES_URL, TEMPLATES_URL, WORKSHEETS_URL, HEALTH_URL, PLAN_DATA_PATH}
    urls |= {family_url(family.id) for family in guide.families}
    urls |= {make(role.id) for role in guide.roles.values() for make in (role_url, role_worksheet_url)}
    urls |= {competency_url(competency_id) for competency_id in guide.competencies}
    urls |= {template_url(template_id) for template_id in guide.templates}
    urls |= {worksheet_url(worksheet_id) for worksheet_id in guide.worksheets}
    return urls


AGENDA_KIND = "agenda"
"""The kind of template a role worksheet offers to send ahead."""


def _agenda(guide: Guide) -> Template | None:
    return next((t for t in guide.templates.values() if t.kind == AGENDA_KIND), None)


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
