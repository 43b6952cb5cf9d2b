"""A generated page as MkDocs sees it: a Page whose HTML, headings and anchors are already made.

MkDocs reads a page's source, converts its Markdown and scans the result for
anchors. A generated page has no source to read and no Markdown to convert:
the plugin hands MkDocs its finished HTML and the table of contents Markdown
would have made (see render/toc.py). The plugin creates one for each virtual
file, as Material's blog plugin does for its posts, so MkDocs uses it instead
of a plain Page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..pages.page import GeneratedPage
from ..pages.search_sections import SearchSection

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files


class FinishedPage(Page):
    """A page made from data (see pages.GeneratedPage), handed to MkDocs as finished HTML."""

    def __init__(self, generated: GeneratedPage, file: File, config: MkDocsConfig) -> None:
        self._generated: GeneratedPage | None = generated
        self.search_sections: Callable[[], list[SearchSection]] | None = generated.search
        """Makes its search entries, until the search index takes them; None to let Material index its HTML."""
        self.search_boost = generated.search_boost
        self._set_aside: bytes | None = None
        super().__init__(generated.title, file, config)

    def read_source(self, config: MkDocsConfig) -> None:
        assert self._generated is not None, "read once per build"
        self.markdown = ""  # nothing for Markdown to convert: see render
        self.meta = self._generated.meta

    def render(self, config: MkDocsConfig, files: Files) -> None:
        generated = self._generated
        assert generated is not None, "rendered once per build"
        self.content = generated.html  # a `str`, as every plugin's on_page_content expects
        self.toc = get_toc(generated.toc)  # type: ignore[arg-type]
        self.present_anchor_ids = set(generated.anchors)
        self._generated = None

    def set_aside(self, content: str) -> None:
        """Keep the page's HTML compact from when MkDocs has made every page until it lays this one out.

        MkDocs makes the HTML of all pages before it lays out the first: held
        as text, the HTML of every page would be in memory at once.
        """
        self._set_aside = content.encode("utf-8")
        self.content = ""

    @property
    def html_as_kept(self) -> bytes | str | None:
        """The page's HTML as it is kept now: UTF-8 while set aside, else the text."""
        return self._set_aside if self._set_aside is not None else self.content

    def take_back(self) -> None:
        """The HTML again, for the theme to lay out (and to be released once the page is written)."""
        if self._set_aside is not None:
            self.content, self._set_aside = self._set_aside.decode("utf-8"), None
