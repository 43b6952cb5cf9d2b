"""Generated pages' search entries, handed to Material's search index instead of its HTML parser.

Material's search plugin parses each page's HTML into sections when the page
is laid out (`on_page_context`). For a generated page the plugin already has
the sections, built from the data (`search_sections`): they are added to the
index as Material would have written them, and the page is marked excluded so
Material does not parse it again.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib.metadata import version
from typing import TYPE_CHECKING, Any

from material.plugins.search.plugin import SearchPlugin
from mkdocs.exceptions import PluginError

from ..pages.search_sections import SearchSection

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


class MaterialSearch:
    """The site's Material search index, if search is on."""

    def __init__(self, config: MkDocsConfig) -> None:
        self._entries: list[dict[str, Any]] | None = None
        for plugin in config.plugins.values():
            if isinstance(plugin, SearchPlugin) and plugin.config.enabled:
                entries = getattr(getattr(plugin, "search_index", None), "entries", None)
                if not isinstance(entries, list):
                    raise PluginError(
                        f"The career-guide plugin does not know the search index of mkdocs-material {version('mkdocs-material')}: "
                        "install the version pinned in requirements.lock."
                    )
                self._entries = entries

    @property
    def enabled(self) -> bool:
        """Whether the site has Material's search index to add to."""
        return self._entries is not None

    def add(self, page: Page, sections: Iterable[SearchSection], boost: float | None) -> None:
        """Index `page` by `sections`, and keep Material from indexing it from its HTML."""
        if self._entries is None:
            return
        for section in sections:
            entry: dict[str, Any] = {
                "location": f"{page.url}#{section.anchor}" if section.anchor else page.url,
                "title": section.title,
                "text": section.text,
            }
            if boost is not None:
                entry["boost"] = boost
            self._entries.append(entry)
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}

    def add_words(self, page: Page, words: Iterable[str]) -> None:
        """Let `words` find `page` first: they become the tags of its first section, the one for the page as a whole.

        Material's index weighs tags above titles and text: an employee's word for
        what a page answers ("salary") outranks a page that merely mentions it.
        The site uses no tags otherwise, and guide.css keeps them out of the results.
        """
        if self._entries is None:
            return
        # The page was indexed just before (see the plugin's on_page_context): its entries are the last ones.
        entry = next((entry for entry in reversed(self._entries) if entry["location"] == page.url), None)
        if entry is not None:
            entry["tags"] = [*entry.get("tags", []), *words]
