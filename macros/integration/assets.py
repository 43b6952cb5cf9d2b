"""The guide's stylesheet and scripts, added to every site by the plugin.

They ship inside the package (rendering/assets/), beside the templates written
for them, so a site using the plugin copies nothing by hand. As mkdocstrings
does with its CSS, they come before the site's own `extra_css` and
`extra_javascript`: a site's own files load after them and override them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.structure.files import File

from ..rendering.browser_contract import ASSETS_DIR, SCRIPTS, STYLESHEETS

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

SITE_FOLDER = "assets/career-guide"
"""Where the files are published, from the site's root."""


def _site_path(name: str) -> str:
    return f"{SITE_FOLDER}/{name}"


def link_assets(config: MkDocsConfig) -> None:
    """Every page loads the guide's stylesheet and scripts, before the site's own."""
    own_css = [path for path in config.extra_css if path not in map(_site_path, STYLESHEETS)]
    config.extra_css = [*map(_site_path, STYLESHEETS), *own_css]
    ours = set(map(_site_path, SCRIPTS))
    own_scripts = [script for script in config.extra_javascript if str(script) not in ours]
    config.extra_javascript = [*(ExtraScriptValue(_site_path(name)) for name in SCRIPTS), *own_scripts]


def asset_files(config: MkDocsConfig) -> list[File]:
    """The files themselves, published from the package."""
    return [File.generated(config, _site_path(name), abs_src_path=str(ASSETS_DIR / name)) for name in (*STYLESHEETS, *SCRIPTS)]
