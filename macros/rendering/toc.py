"""A generated page's headings, with the ids and table of contents Python-Markdown would give them.

Generated pages are laid out as finished HTML and skip Python-Markdown, so their
headings are numbered here, the way Markdown's `toc` extension does it: the same
slugs (`toc.slugify`), `_1`, `_2` for repeats, and the same nested tokens, which
MkDocs turns into the page's table of contents.
"""

from __future__ import annotations

import functools
import html
from typing import Any, cast

from markdown.extensions.toc import nest_toc_tokens, slugify, unique


class PageHeadings:
    """The headings of one page, in order; templates call `add` for each (see macros.html)."""

    def __init__(self) -> None:
        self._ids: set[str] = set()
        self._flat: list[dict[str, Any]] = []

    def add(self, level: int, text: str) -> str:
        """Record a heading of `text` at `level`; its unique id."""
        ident = unique(_slug(text), self._ids)
        name = html.escape(text, quote=False)
        self._flat.append({"level": level, "id": ident, "name": name, "html": name, "data-toc-label": ""})
        return ident

    @property
    def title(self) -> str | None:
        """The first level-1 heading, as HTML-escaped text (as MkDocs takes a page's title from Markdown)."""
        return next((token["name"] for token in self._flat if token["level"] == 1), None)

    def tokens(self) -> list[dict[str, Any]]:
        """The headings nested by level, as Markdown's `toc_tokens`."""
        flat: list[Any] = [dict(token) for token in self._flat]  # nesting adds children in place
        return cast("list[dict[str, Any]]", nest_toc_tokens(flat))


@functools.lru_cache(maxsize=4096)
def _slug(text: str) -> str:
    """A heading's slug, as Markdown's `toc` makes it: the same headings recur on every page of a kind."""
    return slugify(text, "-")
