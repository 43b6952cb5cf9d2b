"""MkDocs hooks: load the data once per build, before any page is read or written.

Listed under `hooks:` in mkdocs.yml. MkDocs loads this file by path, so it uses
absolute imports of the `macros` package.
"""

from __future__ import annotations

import logging
import posixpath
import sys
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from macros import live_preview
from macros.errors import DataError
from macros.loading import load_guide
from macros.model import Company, Guide
from macros.pages import expand_nav, generated_pages
from macros.site import attach_guide, data_dir, docs_path, guide_of

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = logging.getLogger("mkdocs.hooks.career_guide")


def on_startup(command: str, dirty: bool) -> None:
    live_preview.set_serving(command == "serve")


def _load(config: MkDocsConfig) -> Guide:
    """The guide's data; while previewing, the last good data when an edit broke it."""
    folder = data_dir(config)
    try:
        guide = load_guide(folder)
    except DataError as error:
        report = "The guide's data has problems:\n" + error.report()
        previous = live_preview.last_good(folder)
        if previous is None:
            # PluginError stops the build before anything is written, with no traceback.
            raise PluginError(report) from None
        # Printed, not logged: under `strict`, a logged error would fail the
        # preview's rebuild with a traceback instead of keeping the last good pages.
        print(report + "\nThe preview keeps showing the last good data; save a fix to rebuild.", file=sys.stderr, flush=True)
        return previous
    live_preview.remember(folder, guide)
    return guide


def _set_repository(config: MkDocsConfig, company: Company) -> None:
    """'Edit this page' links: hand-written pages open their Markdown in the repository."""
    if not company.repository_url:
        return
    config.repo_url = company.repository_url
    config.repo_name = urlsplit(company.repository_url).path.strip("/") or company.repository_url
    config.edit_uri = posixpath.join(company.edit_uri, docs_path(config), "")


@event_priority(100)  # before mkdocs-macros, whose macros read the loaded guide
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    guide = _load(config)
    attach_guide(config, guide)
    config.site_name = guide.company.guide_title
    if guide.company.tagline:
        config.site_description = guide.company.tagline
    _set_repository(config, guide.company)
    if config.nav:
        config.nav = expand_nav(config.nav, guide)
    return config


@event_priority(100)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add one virtual page per generated page: nothing is ever written into docs/."""
    docs = docs_path(config)
    for page in generated_pages(guide_of(config)):
        # Explicit inclusion also overrides MkDocs' default `exclude_docs`, which
        # would silently drop every page under templates/.
        inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, page.src_uri, content=page.markdown, inclusion=inclusion)
        # "Edit this page" opens the YAML file the page comes from (the path is
        # relative to docs/, as MkDocs joins it to edit_uri).
        file.edit_uri = posixpath.relpath(page.origin.path, docs) if page.origin else None
        files.append(file)
    return files
