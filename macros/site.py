"""Where the data lives for a build, and how the loaded guide travels with the config."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .model import Guide

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

_GUIDE_ATTRIBUTE = "career_guide"


def project_dir(config: MkDocsConfig) -> Path:
    """The folder holding mkdocs.yml (and so `data/`)."""
    return Path(config.config_file_path).resolve().parent


def data_dir(config: MkDocsConfig) -> Path:
    return project_dir(config) / "data"


def docs_path(config: MkDocsConfig) -> str:
    """docs_dir relative to the project, as a POSIX path (`docs`): where edit links start."""
    return Path(config.docs_dir).resolve().relative_to(project_dir(config)).as_posix()


def attach_guide(config: MkDocsConfig, guide: Guide) -> None:
    """Keep the guide with this build's config: `mkdocs serve` makes a new config per rebuild."""
    setattr(config, _GUIDE_ATTRIBUTE, guide)


def guide_of(config: MkDocsConfig) -> Guide:
    guide = getattr(config, _GUIDE_ATTRIBUTE, None)
    if guide is None:
        raise RuntimeError("the career guide data is not loaded: is macros/hooks.py listed under `hooks:` in mkdocs.yml?")
    return guide
