"""Small edits to Material's own templates, applied as they are loaded.

The guide needs a few lines changed in two of Material's partials. Copying the
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
from typing import NamedTuple

import jinja2


class Edit(NamedTuple):
    """Replace `old`, which must occur exactly once in the template, with `new`."""

    why: str
    old: str
    new: str


NAV_ITEM = "partials/nav-item.html"
SEARCH = "partials/search.html"

EDITS: Mapping[str, tuple[Edit, ...]] = {
    NAV_ITEM: (
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
            # however many families, roles or worksheets the data holds.
            "count a section's entries against the limit",
            old="""          <ul class="md-nav__list" data-md-scrollfix>
            {% for item in nav_item.children %}
              {% if not index or item != index %}""",
            new="""          {% set entries = nav_item.children | length - (1 if index else 0) %}
          {% set long = index and entries > career_guide.nav_section_limit %}
          <ul class="md-nav__list" data-md-scrollfix>
            {% for item in nav_item.children %}
              {% if (not index or item != index) and (not long or item.active) %}""",
        ),
        Edit(
            "link a long section's index page after the entry being read",
            old="""              {% endif %}
            {% endfor %}
          </ul>""",
            new="""              {% endif %}
            {% endfor %}
            {% if long and index != page %}
              <li class="md-nav__item">
                <a href="{{ index.url | url }}" class="md-nav__link cg-nav-all">
                  <span class="md-ellipsis">All {{ entries }} in {{ nav_item.title }}</span>
                </a>
              </li>
            {% endif %}
          </ul>""",
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
            "or update the edits in macros/theme_patches.py."
        )
    return source


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
