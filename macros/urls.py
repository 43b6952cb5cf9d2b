"""The site's stable URLs (people bookmark and print them) and links between pages."""

from __future__ import annotations

import posixpath


def role_url(role_id: str) -> str:
    return f"roles/{role_id}/"


def role_worksheet_url(role_id: str) -> str:
    return f"roles/{role_id}/worksheet/"


def family_url(family_id: str) -> str:
    return f"paths/{family_id}/"


PATHS_URL = "paths/"
TEMPLATES_URL = "templates/"
WORKSHEETS_URL = "worksheets/"


def template_url(template_id: str) -> str:
    return f"{TEMPLATES_URL}{template_id}/"


def worksheet_url(worksheet_id: str) -> str:
    return f"{WORKSHEETS_URL}{worksheet_id}/"


def source_path(url: str) -> str:
    """The virtual Markdown file behind a directory URL."""
    return f"{url}index.md"


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at `from_url` to `to_url`, both site-relative directory URLs."""
    link = posixpath.relpath(to_url or ".", from_url or ".")
    return "./" if link == "." else f"{link}/"
