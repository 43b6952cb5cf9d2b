"""MkDocs hooks: load the data once per build, before any page is read or written.

Listed under `hooks:` in mkdocs.yml. MkDocs loads this file by path, so it uses
absolute imports of the `macros` package.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from macros.errors import DataError
from macros.loading import load_guide
from macros.pages import expand_nav, generated_pages
from macros.site import attach_guide, data_dir, guide_of

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = logging.getLogger("mkdocs.hooks.career_guide")


@event_priority(100)  # before mkdocs-macros, whose macros read the loaded guide
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        guide = load_guide(data_dir(config))
    except DataError as error:
        # PluginError stops the build before anything is written, with no traceback.
        raise PluginError("The guide's data has problems:\n" + error.report()) from None
    attach_guide(config, guide)
    config.site_name = guide.company.guide_title
    if guide.company.tagline:
        config.site_description = guide.company.tagline
    if config.nav:
        config.nav = expand_nav(config.nav, guide)
    return config


@event_priority(100)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add one virtual page per generated page: nothing is ever written into docs/."""
    for page in generated_pages(guide_of(config)):
        # Explicit inclusion also overrides MkDocs' default `exclude_docs`, which
        # would silently drop every page under templates/.
        inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, page.src_uri, content=page.markdown, inclusion=inclusion))
    return files
