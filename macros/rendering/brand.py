"""The brand's stylesheet: the company's colour as Material's custom palette, in light and dark.

Material's documented way to a colour of one's own: the palette's `primary` and
`accent` set to `custom` (see integration/assets.py), and its colour variables
set by a stylesheet. The stylesheet is a file of its own, never a <style> in
the page: every page's Content-Security-Policy allows no inline styles.

In the light scheme the colour is used as it is (the loader has checked that
white header text and links on the white page read on it). In the dark scheme
("slate") the header keeps it, behind the same white text, but links and
hovered elements on the dark page take the nearest lighter shade that reads
there, found from slate's own background colour.
"""

from __future__ import annotations

from ..model.colours import lighter_to_pass, shifted

TINT = 0.12
"""How much lighter and darker Material's `--light` and `--dark` variants of the colour are (HSL lightness)."""
TRANSPARENT = "1a"
"""The alpha Material's own palettes give `--md-accent-fg-color--transparent` (10%)."""


def brand_stylesheet(colour: str, slate_background: str) -> str:
    """The stylesheet giving every page `colour` ("#rrggbb"), with links readable on `slate_background` in dark mode."""
    dark_links = lighter_to_pass(colour, [slate_background])
    return f"""/* The company's colour (data/company.yml, brand.colour), as Material's custom palette. Made by the build. */
[data-md-color-primary="custom"] {{
  --md-primary-fg-color: {colour};
  --md-primary-fg-color--light: {shifted(colour, TINT)};
  --md-primary-fg-color--dark: {shifted(colour, -TINT)};
  --md-primary-bg-color: #fff;
  --md-primary-bg-color--light: #ffffffb3;
  --md-typeset-a-color: {colour};
}}
[data-md-color-accent="custom"] {{
  --md-accent-fg-color: {colour};
  --md-accent-fg-color--transparent: {colour}{TRANSPARENT};
  --md-accent-bg-color: #fff;
  --md-accent-bg-color--light: #ffffffb3;
}}
/* Dark mode: the header keeps the colour; links and hovered elements take a lighter shade that reads on
   the dark page ({dark_links} on {slate_background}, WCAG AA). */
@media screen {{
  [data-md-color-scheme="slate"][data-md-color-primary="custom"] {{ --md-typeset-a-color: {dark_links}; }}
  [data-md-color-scheme="slate"][data-md-color-accent="custom"] {{
    --md-accent-fg-color: {dark_links};
    --md-accent-fg-color--transparent: {dark_links}{TRANSPARENT};
  }}
  [data-md-color-scheme="slate"][data-md-color-primary="custom"] .md-typeset .cg-map__node {{ border-color: {dark_links}; }}
}}
"""
