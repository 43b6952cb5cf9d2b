"""While previewing: pages whose output cannot have changed are written from the last rebuild, not laid out again.

`mkdocs serve` rebuilds the whole site after every save. Most of a rebuild is
the theme laying out each page (header, navigation, footer) around content
that, after an edit of one data file, is the same on nearly every page. Each
page gets a fingerprint of everything the theme shows on it: its content,
title, table of contents and front matter, its neighbours in the footer, the
navigation along its path, and the site's settings and theme overrides. A
page whose fingerprint is unchanged since the last rebuild is written as it
was; any other page is laid out as usual.

The fingerprint is deliberately wider than what a page shows (a section's
every entry, not only the ones its sidebar lists): a page laid out again for
nothing costs a few milliseconds, a stale page would mislead an editor.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..model.fingerprint import digest
from .finished_page import FinishedPage

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure import StructureItem
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.structure.toc import AnchorLink

REUSED_LAYOUT = "career-guide/reused-page.html"
"""The template a reused page is given instead of main.html: it prints the page's previous output."""
REUSED_LAYOUT_SOURCE = "{{ career_guide_reused_output }}"
REUSED_OUTPUT = "career_guide_reused_output"


def _first_url(item: StructureItem) -> str | None:
    """Where a navigation entry links: a page's URL, or a section's first page."""
    if item.is_page:
        return item.url  # type: ignore[attr-defined, no-any-return]
    for child in getattr(item, "children", None) or ():
        if (url := _first_url(child)) is not None:
            return url
    return None


def _entries(items: Iterable[StructureItem]) -> tuple[tuple[object, ...], ...]:
    return tuple((type(item).__name__, item.title, _first_url(item), getattr(item, "url", None)) for item in items)


def _section_digest(section: StructureItem, known: dict[int, str]) -> str:
    """A section's title and every entry it holds (each reckoned once per rebuild)."""
    found = known.get(id(section))
    if found is None:
        found = known[id(section)] = digest(section.title, _entries(getattr(section, "children", ())))
    return found


def _toc(items: Iterable[AnchorLink]) -> Iterator[tuple[object, ...]]:
    for item in items:
        yield (item.title, item.id, item.level, tuple(_toc(item.children)))


def _neighbour(page: Page | None) -> tuple[str | None, str | None]:
    return (page.title, page.url) if page is not None else (None, None)


def _settings(config: MkDocsConfig) -> str:
    """The site's settings and theme overrides: when they change, every page is laid out again."""
    overrides = []
    if config.theme.custom_dir:
        for path in sorted(Path(config.theme.custom_dir).rglob("*")):
            if path.is_file():
                stat = path.stat()
                overrides.append((path.as_posix(), stat.st_mtime_ns, stat.st_size))
    config_file = Path(config.config_file_path).read_bytes() if config.config_file_path else b""
    values = (config.site_name, config.site_url, config.site_description, config.repo_url, config.repo_name, config.edit_uri)
    # The theme's palette, logo and stylesheets come from data/company.yml's brand as well as mkdocs.yml.
    theme = (repr(config.theme.get("palette")), config.theme.get("logo"), tuple(map(str, config.extra_css)))
    return digest(config_file, values, repr(config.extra), theme, overrides)


class PreviewCache:
    """The pages written by the last rebuild, with their fingerprints; one per `mkdocs serve`."""

    def __init__(self) -> None:
        self._written: dict[str, tuple[str, str]] = {}
        """Each page's fingerprint and output, by source path."""
        self._fingerprints: dict[str, str] = {}
        self.planned = 0
        """How many pages this rebuild has."""
        self.reused = 0
        """How many of them are written as the last rebuild wrote them."""

    def plan(self, pages: Iterable[Page], nav: Navigation, config: MkDocsConfig) -> None:
        """Fingerprint every page of this rebuild; give those unchanged since the last one the reusing layout."""
        settings = _settings(config)
        top = digest(_entries(nav.items))
        sections: dict[int, str] = {}
        self._fingerprints = {}
        self.planned = self.reused = 0
        for page in pages:
            path = [_section_digest(section, sections) for section in page.ancestors]
            fingerprint = digest(
                settings,
                top,
                path,
                page.url,
                page.title,
                page.html_as_kept if isinstance(page, FinishedPage) else page.content,
                tuple(_toc(page.toc)),
                repr(page.meta),
                page.edit_url,
                page.canonical_url,
                _neighbour(page.previous_page),
                _neighbour(page.next_page),
            )
            self._fingerprints[page.file.src_uri] = fingerprint
            self.planned += 1
            previous = self._written.get(page.file.src_uri)
            if previous is not None and previous[0] == fingerprint:
                page.meta["template"] = REUSED_LAYOUT
                self.reused += 1
        # Pages gone from the data are forgotten.
        self._written = {path: self._written[path] for path in self._fingerprints if path in self._written}

    def reused_output(self, page: Page) -> str | None:
        """The output to write again for `page`, when `plan` found it unchanged."""
        if page.meta.get("template") != REUSED_LAYOUT:
            return None
        return self._written[page.file.src_uri][1]

    def keep(self, page: Page, output: str) -> None:
        """Remember what was written for `page`, for the next rebuild."""
        fingerprint = self._fingerprints.get(page.file.src_uri)
        if fingerprint is not None:
            self._written[page.file.src_uri] = (fingerprint, output)
