"""`make serve`: keep previewing the last good data while an edit is broken.

MkDocs builds a fresh config (and reloads the hooks file) for every rebuild,
so what must outlive one rebuild is kept here, in an imported module.
"""

from __future__ import annotations

from pathlib import Path

from .model import Guide

_serving = False
_last_good: dict[Path, Guide] = {}


def set_serving(serving: bool) -> None:
    global _serving
    _serving = serving
    _last_good.clear()


def remember(data_dir: Path, guide: Guide) -> None:
    if _serving:
        _last_good[data_dir.resolve()] = guide


def last_good(data_dir: Path) -> Guide | None:
    """The last data that loaded, only while previewing: a real build never falls back."""
    return _last_good.get(data_dir.resolve()) if _serving else None
