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
BRAND_STYLESHEET = "brand.css"
"""The company's colour (see brand_theme), made by each build from data/company.yml, after the guide's stylesheet."""


def _site_path(name: str) -> str:
    return f"{SITE_FOLDER}/{name}"


def link_assets(config: MkDocsConfig, *, branded: bool = False) -> None:
    """Every page loads the guide's stylesheet and scripts, before the site's own; `branded`: the brand's stylesheet too."""
    stylesheets = (*STYLESHEETS, BRAND_STYLESHEET) if branded else STYLESHEETS
    ours_css = set(map(_site_path, (*STYLESHEETS, BRAND_STYLESHEET)))
    own_css = [path for path in config.extra_css if path not in ours_css]
    config.extra_css = [*map(_site_path, stylesheets), *own_css]
    ours = set(map(_site_path, SCRIPTS))
    own_scripts = [script for script in config.extra_javascript if str(script) not in ours]
    config.extra_javascript = [*(ExtraScriptValue(_site_path(name)) for name in SCRIPTS), *own_scripts]


def asset_files(config: MkDocsConfig, brand_css: str | None = None) -> list[File]:
    """The files themselves, published from the package; and the brand's stylesheet, `brand_css`, when there is one."""
    files = [File.generated(config, _site_path(name), abs_src_path=str(ASSETS_DIR / name)) for name in (*STYLESHEETS, *SCRIPTS)]
    if brand_css is not None:
        files.append(File.generated(config, _site_path(BRAND_STYLESHEET), content=brand_css))
    return files
