"""The company's brand on Material: its colour as the palette, its logo in the header.

Material's documented way to a colour of one's own is the palette's `primary`
and `accent` set to `custom`, with its colour variables set by a stylesheet
(rendering/brand.py makes it; assets.py publishes it after the guide's own).
Every palette of the site (light and dark, with their toggle) becomes custom,
so the colour reaches every page in both. Without a brand, the site keeps the
palette and logo of its mkdocs.yml.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.metadata import version
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError

from ..model.colours import hsl_colour
from ..model.guide import Brand
from ..rendering.brand import brand_stylesheet

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

CUSTOM = "custom"
"""Material's name for a palette colour set by the site's own stylesheet."""
SLATE_BLOCK = re.compile(r"\[data-md-color-scheme=slate\]\{([^}]*)\}")
HSL_BACKGROUND = re.compile(r"--md-default-bg-color:\s*hsla?\(var\(--md-hue\),\s*([\d.]+)%,\s*([\d.]+)%(?:,\s*1)?\)")
HUE = re.compile(r"--md-hue:\s*([\d.]+)(?:deg)?[;}]")


def set_brand(config: MkDocsConfig, brand: Brand) -> str | None:
    """Give the theme the brand's palette and logo; return the brand's stylesheet (None without a colour)."""
    if brand.logo:
        config.theme["logo"] = brand.logo
    if not brand.colour:
        return None
    config.theme["palette"] = _custom(config.theme.get("palette"))
    return brand_stylesheet(brand.colour, slate_background())


def _custom(palette: Any) -> Any:
    """The site's palette (one scheme, or several with a toggle) with custom primary and accent colours."""
    if isinstance(palette, list):
        return [_custom(scheme) for scheme in palette]
    scheme = dict(palette) if isinstance(palette, dict) else {}
    return {**scheme, "primary": CUSTOM, "accent": CUSTOM}


@cache
def slate_background() -> str:
    """The page's background in Material's dark scheme ("slate"), as "#rrggbb", read from
    the installed Material's own stylesheets (dark-mode links must read on it)."""
    stylesheets = files("material") / "templates" / "assets" / "stylesheets"
    # Material's file names carry a hash of their content: main.<hash>.min.css, palette.<hash>.min.css.
    css = {entry.name.split(".")[0]: entry.read_text(encoding="utf-8") for entry in stylesheets.iterdir() if entry.name.endswith(".css")}
    slate = next((block for block in SLATE_BLOCK.findall(css.get("palette", "")) if HSL_BACKGROUND.search(block)), None)
    # The hue is slate's own if it sets one, otherwise the one every scheme inherits from :root.
    hue = HUE.search(slate or "") or HUE.search(css.get("main", ""))
    if slate is None or hue is None:
        raise PluginError(
            f"mkdocs-material {version('mkdocs-material')}'s stylesheets have changed: the dark scheme's page background "
            "(--md-default-bg-color of [data-md-color-scheme=slate]) is no longer found, so the brand colour's links cannot be "
            "checked there. Pin the mkdocs-material version the guide was tested with (see requirements.lock), "
            "or update macros/integration/brand_theme.py."
        )
    background = HSL_BACKGROUND.search(slate)
    assert background is not None
    saturation, lightness = (float(value) for value in background.groups())
    return hsl_colour(float(hue.group(1)), saturation, lightness)
