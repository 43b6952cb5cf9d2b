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
from mkdocs.utils import normalize_url

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
NAV = "partials/nav.html"
HEADER = "partials/header.html"
BASE = "base.html"
TOC = "partials/toc.html"
SEARCH = "partials/search.html"
LANGUAGE = "partials/language.html"

EDITS: Mapping[str, tuple[Edit, ...]] = {
    NAV_ITEM: (
        Edit(
            # Every page's sidebar lays out again the same entries: a chapter,
            # a folded section. An entry that does not hold the page being
            # read looks the same on every page that links to it by the same
            # address; SectionListing.entry keeps it for the build. (Both ends
            # of the macro: the entry's markup is Material's, unchanged.)
            "lay out once an entry that does not hold the page being read",
            old="""{% macro render(nav_item, path, level, parent) %}""",
            new="""{% macro render(nav_item, path, level, parent) %}{% call career_guide.entry(nav_item, path, level, page, features) %}""",
        ),
        Edit(
            "end of the entry laid out once",
            old="""      <a href="{{ nav_item.url | url }}" class="md-nav__link">
        {{ render_content(nav_item) }}
      </a>
    </li>
  {% endif %}
{% endmacro %}""",
            new="""      <a href="{{ nav_item.url | url }}" class="md-nav__link">
        {{ render_content(nav_item) }}
      </a>
    </li>
  {% endif %}
{% endcall %}{% endmacro %}""",
        ),
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
    NAV: (
        Edit(
            # The repository's link is the same on every page (an address of its own).
            "lay out the repository's link in the sidebar once",
            old="""      {% include "partials/source.html" %}""",
            new="""      {% call career_guide.same_on_every_page("nav-source") %}{% include "partials/source.html" %}{% endcall %}""",
        ),
    ),
    HEADER: (
        Edit(
            # The colour switch, the search box and the repository's link are the same on every page.
            "lay out the header's colour switch, search and repository link once",
            old="""    {% if config.theme.palette %}
      {% if not config.theme.palette is mapping %}""",
            new="""    {% call career_guide.same_on_every_page("header-tools") %}{% if config.theme.palette %}
      {% if not config.theme.palette is mapping %}""",
        ),
        Edit(
            "end of the header's part laid out once",
            old="""        {% include "partials/source.html" %}
      </div>
    {% endif %}
  </nav>""",
            new="""        {% include "partials/source.html" %}
      </div>
    {% endif %}{% endcall %}
  </nav>""",
        ),
    ),
    TOC: (
        Edit(
            # A page shows its table of contents twice: in the sidebar, and in the
            # navigation under its own entry (for small screens). The same both times.
            "lay out a page's table of contents once for both places it is shown",
            old="""{% set title = lang.t("toc") %}""",
            new="""{% call career_guide.same_on_this_page("toc", page) %}{% set title = lang.t("toc") %}""",
        ),
        Edit(
            "end of the table of contents laid out once",
            old="""    </ul>
  {% endif %}
</nav>""",
            new="""    </ul>
  {% endif %}
</nav>{% endcall %}""",
        ),
    ),
    BASE: (
        Edit(
            # Material's settings for its scripts differ only by the way to the site's root.
            "lay out Material's settings once for each way to the site's root",
            old="""      <script id="__config" type="application/json">""",
            new="""      {% call career_guide.same_on_every_page(
          "config", base_url, "assets/javascripts/workers/search.a7633da7.min.js" | url
      ) -%}
      <script id="__config" type="application/json">""",
        ),
        Edit(
            "end of Material's settings laid out once",
            old="""          "version": _.version or none
        } | tojson -}}
      </script>""",
            new="""          "version": _.version or none
        } | tojson -}}
      </script>
      {%- endcall %}""",
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
    """Decides, for the edited nav-item.html, which entries of a navigation section a page lists, and keeps entries laid out.

    A section of at most `limit` entries lists them all. A longer one (one with
    an index page to list them instead) lists only the entry that holds the page
    being read, found among the page's ancestors: the cost does not grow with
    the number of entries. One instance serves one build.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._positions: dict[int, dict[int, int]] = {}
        self._index_pages: dict[int, StructureItem | None] = {}
        self._entries: dict[tuple[int, str, int, str], str] = {}
        self._targets: dict[int, str | None] = {}
        self._same: dict[tuple[str, ...], str] = {}
        self._this_page: tuple[tuple[str, int], str] = (("", 0), "")
        """The last page's part laid out by `same_on_this_page` (only one is kept)."""

    def release(self) -> None:
        """Forget the parts laid out: every page is written."""
        self._entries, self._same, self._this_page = {}, {}, (("", 0), "")

    def same_on_every_page(self, *key: str, caller: Callable[[], str]) -> str:
        """A part of the theme's layout that depends on nothing but `key` (and the site's settings): laid out once a build."""
        laid_out = self._same.get(key)
        if laid_out is None:
            laid_out = self._same[key] = caller()
        return laid_out

    def same_on_this_page(self, name: str, page: Page | None, *, caller: Callable[[], str]) -> str:
        """A part of the theme's layout shown twice on `page`, depending only on the page: laid out once."""
        key = (name, id(page))
        if self._this_page[0] != key:
            self._this_page = (key, caller())
        return self._this_page[1]

    def entry(
        self, item: StructureItem, path: str, level: int, page: Page | None, features: list[str], *, caller: Callable[[], str]
    ) -> str:
        """`item`'s entry in the sidebar of `page`, as Material's macro lays it out (`caller`).

        An entry that does not hold the page is the same on every page, but for the
        one address it links to (relative to the page): a page, or a folded section
        (which links to its first page). Such an entry is laid out once for each
        address it is linked by, and reused. An open section holds the page, and a
        section is only folded with `navigation.prune` (and not `navigation.sections`,
        which keeps sections open): anything else is laid out every time, as before.
        """
        if page is None or getattr(item, "active", False) or getattr(item, "pages", None):
            return caller()
        if getattr(item, "children", None) and ("navigation.prune" not in features or "navigation.sections" in features):
            return caller()
        target = self._target(item)
        if target is None:
            return caller()
        key = (id(item), path, level, normalize_url(target, page=page))
        laid_out = self._entries.get(key)
        if laid_out is None:
            laid_out = self._entries[key] = caller()
        return laid_out

    def _target(self, item: StructureItem) -> str | None:
        """Where an entry links: its page or link, or a folded section's first page (as Material's render_pruned finds it)."""
        if id(item) not in self._targets:
            first = item
            while children := getattr(first, "children", None):
                first = children[0]
            url = getattr(first, "url", None)
            self._targets[id(item)] = url if isinstance(url, str) else None
        return self._targets[id(item)]

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
