"""A page made from data: its finished HTML, table of contents, anchors and links."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import Any, NamedTuple

from ..model.guide import Origin
from .search_sections import SearchSection

_ID = re.compile(r'id="([^"]+)"')
"""An id attribute, after a space (see _ids): a pattern starting with the space is tried at every character."""
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
        anchors = frozenset(map(sys.intern, _ids(html)))
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


def _ids(html: str) -> list[str]:
    """Every `id="..."` attribute's value in `html` (not `data-...-id="..."`: an attribute follows white space)."""
    return [found[1] for found in _ID.finditer(html) if found.start() > 0 and html[found.start() - 1].isspace()]
