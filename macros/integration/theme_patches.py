"""Small edits to Material's own templates, applied as they are loaded.

The guide needs a few lines changed in three of Material's partials. Copying the
partials whole would freeze them at one Material release and hide every later
fix; instead each edit replaces one exact piece of Material's text, and an
edit whose text is no longer there is reported (naming Material's version) so
that an update cannot silently undo it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import jinja2
from markupsafe import Markup, escape

if TYPE_CHECKING:
    from mkdocs.structure import StructureItem
    from mkdocs.structure.nav import Section
    from mkdocs.structure.pages import Page


class Edit(NamedTuple):
    """Replace `old`, which must occur exactly once in the template, with `new`."""

    why: str
    old: str
    new: str


NAV_ITEM = "partials/nav-item.html"
SEARCH = "partials/search.html"
LANGUAGE = "partials/language.html"

EDITS: Mapping[str, tuple[Edit, ...]] = {
    NAV_ITEM: (
        Edit(
            # Material finds a section's index page by looping over all its
            # children, on every page, for every section drawn (even collapsed
            # ones): with hundreds of families or worksheets, the cost of each
            # page grew with the company. SectionListing finds it once a build.
            "find a section's index page once, not by looping over its entries on every page",
            old="""    {% set _ = namespace(index = none) %}
    {% if "navigation.indexes" in features %}
      {% for item in nav_item.children %}
        {% if item.is_index and _.index is none %}
          {% set _.index = item %}
        {% endif %}
      {% endfor %}
    {% endif %}
    {% set index = _.index %}""",
            new="""    {% set index = career_guide.index_page(nav_item) if "navigation.indexes" in features else none %}""",
        ),
        Edit(
            # axe-core landmark-unique: each section's <nav> is labelled by its
            # toggle, which holds only an icon when the section has an index page.
            # Text, not an aria-label, which a <label> may not carry.
            "name the toggle of a section with an index page, so its navigation has a name",
            old="""tabindex="{{ tabindex }}">
                <span class="md-nav__icon md-icon"></span>""",
            new="""tabindex="{{ tabindex }}">
                <span class="cg-sr">{{ nav_item.title }}</span>
                <span class="md-nav__icon md-icon"></span>""",
        ),
        Edit(
            # A section longer than the limit lists only the entry being read,
            # then a link to its index page: every sidebar stays the same size
            # however many families, roles or worksheets the data holds. Which
            # entries to list is worked out by SectionListing below, without
            # looping over every entry of a long section on every page.
            "list a long section's current entry and a link to all of them",
            old="""          <ul class="md-nav__list" data-md-scrollfix>
            {% for item in nav_item.children %}
              {% if not index or item != index %}
                {{ render(item, path ~ "_" ~ loop.index, level + 1, nav_item) }}
              {% endif %}
            {% endfor %}
          </ul>""",
            new="""          {% set listing = career_guide.listing(nav_item, index, page) %}
          <ul class="md-nav__list" data-md-scrollfix>
            {% for position, item in listing.entries %}
                {{ render(item, path ~ "_" ~ position, level + 1, nav_item) }}
            {% endfor %}
            {% if listing.long and index != page %}
              <li class="md-nav__item">
                <a href="{{ index.url | url }}" class="md-nav__link cg-nav-all">
                  <span class="md-ellipsis">All {{ listing.size }} in {{ nav_item.title }}</span>
                </a>
              </li>
            {% endif %}
          </ul>""",
        ),
    ),
    LANGUAGE: (
        Edit(
            # Material's `t` builds its language's table of about 70 texts
            # anew on every call, some 30 times a page; TextsOnce keeps the answers.
            "look each interface text up once a build",
            old="""{% macro t(key) %}{{ lang.t(key) or fallback.t(key) or key }}{% endmacro %}""",
            new="""{% set t = career_guide_texts.translator(lang, fallback) %}""",
        ),
    ),
    SEARCH: (
        Edit(
            # axe-core aria-dialog-name.
            "give the search dialog an accessible name",
            old="""data-md-component="search" role="dialog">""",
            new="""data-md-component="search" role="dialog" aria-label="{{ lang.t('search') }}">""",
        ),
    ),
}


class PatchError(Exception):
    """An edit no longer finds its text in the theme's template."""


def apply_edits(name: str, source: str, edits: tuple[Edit, ...]) -> str:
    """`source` of template `name` with every edit applied; PatchError names every edit that failed."""
    failed = []
    for edit in edits:
        count = source.count(edit.old)
        if count != 1:
            failed.append(f"'{edit.why}' (its text is found {count} times, not once)")
            continue
        source = source.replace(edit.old, edit.new)
    if failed:
        raise PatchError(
            f"mkdocs-material {version('mkdocs-material')}'s {name} has changed: cannot {'; cannot '.join(failed)}. "
            "Pin the mkdocs-material version the guide was tested with (see requirements.lock), "
            "or update the edits in macros/integration/theme_patches.py."
        )
    return source


class Listing(NamedTuple):
    """What one navigation section lists on one page."""

    entries: list[tuple[int, StructureItem]]
    """(position among the section's children, 1-based, as Material numbers them; entry)."""
    size: int
    """How many entries the section has, its index page aside."""
    long: bool


class SectionListing:
    """Decides, for the edited nav-item.html, which entries of a navigation section a page lists.

    A section of at most `limit` entries lists them all. A longer one (one with
    an index page to list them instead) lists only the entry that holds the page
    being read, found among the page's ancestors: the cost does not grow with
    the number of entries. One instance serves one build.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._positions: dict[int, dict[int, int]] = {}
        self._index_pages: dict[int, StructureItem | None] = {}

    def index_page(self, section: Section) -> StructureItem | None:
        """The section's index page, as Material's `navigation.indexes` finds it: its first child that is one."""
        if id(section) not in self._index_pages:
            self._index_pages[id(section)] = next((child for child in section.children if getattr(child, "is_index", False)), None)
        return self._index_pages[id(section)]

    def _position(self, section: Section, entry: StructureItem) -> int:
        positions = self._positions.get(id(section))
        if positions is None:
            positions = {id(child): number for number, child in enumerate(section.children, start=1)}
            self._positions[id(section)] = positions
        return positions[id(entry)]

    def listing(self, section: Section, index: Page | None, page: Page) -> Listing:
        children = section.children
        size = len(children) - (1 if index else 0)
        if not index or size <= self.limit:
            return Listing([(n, child) for n, child in enumerate(children, start=1) if child is not index], size, False)
        chain: list[StructureItem] = [page, *page.ancestors]
        holding = [item for item in chain if item.parent is section and item is not index]
        return Listing([(self._position(section, item), item) for item in holding], size, True)


class TextsOnce:
    """Material's interface texts ("Skip to content", "Table of contents"), for the edited language.html.

    Each is asked of Material's language templates the first time a page needs
    it and kept for the rest of the build, escaped as Material's macro returns it.
    One instance serves one build (the site's language is a setting of the build).
    """

    def __init__(self) -> None:
        self._texts: dict[str, Markup] = {}

    def translator(self, lang: Any, fallback: Any) -> Callable[[str], Markup]:
        """`t(key)` for one page: `lang` and `fallback` are the language templates it imported."""

        def t(key: str) -> Markup:
            text = self._texts.get(key)
            if text is None:
                text = self._texts[key] = escape(lang.t(key) or fallback.t(key) or key)
            return text

        return t


MATERIAL_TEMPLATES = Path(str(files("material") / "templates")).resolve()


class PatchingLoader(jinja2.BaseLoader):
    """A template loader that applies EDITS to Material's templates as another loader finds them.

    A site that overrides one of these templates in its `custom_dir` gets its
    own file as it is: the edits are for Material's text only.
    """

    def __init__(self, inner: jinja2.BaseLoader, edits: Mapping[str, tuple[Edit, ...]] = EDITS) -> None:
        self.inner = inner
        self.edits = edits

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.inner.get_source(environment, template)
        edits = self.edits.get(template)
        if edits and filename and Path(filename).resolve().is_relative_to(MATERIAL_TEMPLATES):
            source = apply_edits(template, source, edits)
        return source, filename, uptodate

    def list_templates(self) -> list[str]:
        return self.inner.list_templates()
