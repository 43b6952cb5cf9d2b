"""Colours as WCAG 2 measures them: contrast ratios, and the shades of a colour that reach one.

Pure functions on "#rrggbb" text. A shade keeps the colour's hue and saturation
(in HSL) and changes only its lightness, so a suggested colour is still
recognisably the company's own, only darker or lighter.
"""

from __future__ import annotations

import colorsys
import math
from collections.abc import Iterable
from typing import NamedTuple

AA_TEXT = 4.5
"""WCAG 2 level AA: the contrast normal-sized text needs with what is behind it."""
WHITE = "#ffffff"
LIGHT_PAGE = "#ffffff"
"""The page's background in Material's light scheme (`--md-default-bg-color` of `default`)."""
HEADER_TEXT = WHITE
"""Material's text on the primary colour (`--md-primary-bg-color`): the header's title, icons and search."""
LIGHTNESS_STEPS = 1000
"""How finely a shade's lightness is searched: far finer than the 256 values a channel takes."""


class Use(NamedTuple):
    """Where the brand colour meets another colour, as text or behind it."""

    what: str
    """How a message names it: "white header text"."""
    other: str
    """The colour it meets there."""


LIGHT_USES = (Use("white header text", HEADER_TEXT), Use("links on the white page", LIGHT_PAGE))
"""Where Material's light scheme puts its primary colour: behind the header's text, and as the links' colour."""


def rgb(colour: str) -> tuple[int, int, int]:
    """The red, green and blue of "#rrggbb" (any case), each 0-255."""
    value = int(colour.removeprefix("#"), 16)
    return value >> 16, (value >> 8) & 0xFF, value & 0xFF


def hex_colour(red: float, green: float, blue: float) -> str:
    """The "#rrggbb" of channels from 0 to 1, each rounded to the nearest of its 256 values."""
    return "#" + "".join(f"{round(min(max(channel, 0.0), 1.0) * 255):02x}" for channel in (red, green, blue))


def hsl_colour(hue: float, saturation: float, lightness: float) -> str:
    """The "#rrggbb" of a hue in degrees and a saturation and lightness in percent, as CSS's hsl() reads them."""
    return hex_colour(*colorsys.hls_to_rgb(hue / 360, lightness / 100, saturation / 100))


def relative_luminance(colour: str) -> float:
    """WCAG 2's relative luminance: 0 for black, 1 for white."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = map(linear, rgb(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    """WCAG 2's contrast ratio of two colours, from 1 (the same) to 21 (black and white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def ratio_text(ratio: float) -> str:
    """A ratio as people read it, "2.5:1": rounded down, so a ratio just short of 4.5 never reads as 4.5."""
    return f"{math.floor(ratio * 10) / 10:g}:1"


def _shades(colour: str, *, darker: bool) -> Iterable[str]:
    """The shades of `colour` from itself towards black (or white), in small steps of lightness."""
    hue, lightness, saturation = colorsys.rgb_to_hls(*(channel / 255 for channel in rgb(colour)))
    start = round(lightness * LIGHTNESS_STEPS)
    steps = range(start, -1, -1) if darker else range(start, LIGHTNESS_STEPS + 1)
    for step in steps:
        yield hex_colour(*colorsys.hls_to_rgb(hue, step / LIGHTNESS_STEPS, saturation))


def _first_passing(shades: Iterable[str], others: tuple[str, ...], need: float) -> str:
    last = ""
    for shade in shades:
        if all(contrast(shade, other) >= need for other in others):
            return shade
        last = shade
    return last  # black or white: unreachable for the light and dark backgrounds used here


def darker_to_pass(colour: str, others: Iterable[str], need: float = AA_TEXT) -> str:
    """The nearest shade of `colour`, no lighter than it, with contrast `need` against every one of `others`.

    `colour` itself when it passes. Against light colours a darker shade only gains,
    so every shade darker than the one returned passes too."""
    return _first_passing(_shades(colour, darker=True), tuple(others), need)


def lighter_to_pass(colour: str, others: Iterable[str], need: float = AA_TEXT) -> str:
    """The nearest shade of `colour`, no darker than it, with contrast `need` against every one of `others` (dark ones)."""
    return _first_passing(_shades(colour, darker=False), tuple(others), need)


def shifted(colour: str, lightness: float) -> str:
    """`colour` with its HSL lightness moved by `lightness` (-1 to 1), kept within black and white."""
    hue, own, saturation = colorsys.rgb_to_hls(*(channel / 255 for channel in rgb(colour)))
    return hex_colour(*colorsys.hls_to_rgb(hue, min(max(own + lightness, 0.0), 1.0), saturation))


class Shortfall(NamedTuple):
    """Why a brand colour cannot be Material's primary colour in the light scheme, and what would do."""

    uses: tuple[str, ...]
    """Where it is too faint: "white header text", "links on the white page"."""
    ratio: float
    """The lowest contrast among them."""
    suggestion: str
    """The nearest darker shade that passes everywhere."""


def light_scheme_shortfall(colour: str) -> Shortfall | None:
    """None when `colour` reads as Material's primary colour in the light scheme (WCAG AA); otherwise why not."""
    failing = [use for use in LIGHT_USES if contrast(colour, use.other) < AA_TEXT]
    if not failing:
        return None
    return Shortfall(
        uses=tuple(use.what for use in failing),
        ratio=min(contrast(colour, use.other) for use in failing),
        suggestion=darker_to_pass(colour, (use.other for use in LIGHT_USES)),
    )
