"""Benchmark-only MkDocs hook: export the fully expanded Markdown of every page.

Added by the benchmark's config (never by the project's mkdocs.yml). It
writes, into $CAREER_GUIDE_EXPORT, each page's Markdown after the macros ran,
and the navigation and site settings after the guide's plugin set them (so the baseline also shows the repository link and
"Edit this page"): the same site as plain Markdown, for the baseline build.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml
from mkdocs.plugins import event_priority

EXPORT = Path(os.environ.get("CAREER_GUIDE_EXPORT", "export"))
SETTINGS_FROM_DATA = ("site_name", "site_description", "repo_url", "repo_name", "edit_uri")
"""The settings the guide's plugin takes from data/company.yml."""


@event_priority(-100)  # after the guide's plugin has expanded the navigation
def on_config(config: Any) -> Any:
    EXPORT.mkdir(parents=True, exist_ok=True)
    (EXPORT / "nav.yml").write_text(yaml.safe_dump(config.nav, sort_keys=False, allow_unicode=True), encoding="utf-8")
    settings = {name: config[name] for name in SETTINGS_FROM_DATA if config[name]}
    (EXPORT / "settings.yml").write_text(yaml.safe_dump(settings, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return config


@event_priority(-100)  # after mkdocs-macros has expanded the page
def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    target = EXPORT / "docs" / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    # The page is already expanded: a second pass through the macros (in the
    # baseline that switches the plugin on) must not render it again.
    meta = {key: value for key, value in page.meta.items() if key != "render_macros"}
    front_matter = f"---\n{yaml.safe_dump(meta, sort_keys=False)}---\n\n" if meta else ""
    target.write_text(front_matter + markdown, encoding="utf-8")
    return markdown
