"""Benchmark-only MkDocs hook: export every page as Markdown, twice, for the two baselines.

Added by the benchmark's config (never by the project's mkdocs.yml). It
writes, into $CAREER_GUIDE_EXPORT:
  - docs/: each page's Markdown after the macros ran (a generated page: its
    HTML, headings written back as Markdown headings), HTML inside Markdown;
  - text/: each page's text as plain Markdown, from the HTML the guide made of
    it (see plain_text.py), the cheapest page plain Material can build;
  - settings.yml: the site settings after the guide's plugin set them (so the
    baselines also show the repository link and "Edit this page").
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import yaml
from mkdocs.plugins import event_priority
from plain_text import plain_markdown

EXPORT = Path(os.environ.get("CAREER_GUIDE_EXPORT", "export"))
SETTINGS_FROM_DATA = ("site_name", "site_description", "repo_url", "repo_name", "edit_uri")
"""The settings the guide's plugin takes from data/company.yml."""


@event_priority(-100)  # after the guide's plugin has set the site's name and repository
def on_config(config: Any) -> Any:
    EXPORT.mkdir(parents=True, exist_ok=True)
    settings = {name: config[name] for name in SETTINGS_FROM_DATA if config[name]}
    (EXPORT / "settings.yml").write_text(yaml.safe_dump(settings, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return config


def _export(page: Any, markdown: str, folder: str = "docs") -> None:
    target = EXPORT / folder / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    # The page is already expanded: a second pass through the macros (in the
    # baseline that switches the plugin on) must not render it again.
    meta = {key: value for key, value in page.meta.items() if key not in ("render_macros", "title")}
    front_matter = f"---\n{yaml.safe_dump(meta, sort_keys=False)}---\n\n" if meta else ""
    target.write_text(front_matter + markdown, encoding="utf-8")


@event_priority(-100)  # after mkdocs-macros has expanded the page
def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    if page.file.generated_by is None:
        _export(page, markdown)
    return markdown


# A heading of a generated page, as the guide's templates write it.
HEADING = re.compile(r'<h([1-6])(?: [^>]*)? id="[^"]*">(.*?)<a class="headerlink"[^>]*>[^<]*</a></h\1>')


@event_priority(-100)  # after the guide's plugin has given the page its HTML
def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """A generated page, written back as a hand-written one would be: Markdown headings around blocks of HTML.
    And every page's text as plain Markdown."""
    if page.file.generated_by is not None:
        _export(page, HEADING.sub(lambda m: f"\n\n{'#' * int(m.group(1))} {m.group(2)}\n\n", html))
    _export(page, plain_markdown(html), "text")
    return html
