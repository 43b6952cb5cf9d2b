"""Benchmark-only MkDocs hook: export the fully expanded Markdown of every page.

Added next to the guide's own hook by the benchmark's config (never by the
project's mkdocs.yml). It writes, into $CAREER_GUIDE_EXPORT, each page's
Markdown after the macros ran, and the navigation after the guide expanded
it: the same site as plain Markdown, for the baseline build.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml
from mkdocs.plugins import event_priority

EXPORT = Path(os.environ.get("CAREER_GUIDE_EXPORT", "export"))


@event_priority(-100)  # after the guide's hook has expanded the navigation
def on_config(config: Any) -> Any:
    EXPORT.mkdir(parents=True, exist_ok=True)
    (EXPORT / "nav.yml").write_text(yaml.safe_dump(config.nav, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return config


@event_priority(-100)  # after mkdocs-macros has expanded the page
def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    target = EXPORT / "docs" / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    front_matter = f"---\n{yaml.safe_dump(page.meta, sort_keys=False)}---\n\n" if page.meta else ""
    target.write_text(front_matter + markdown, encoding="utf-8")
    return markdown
