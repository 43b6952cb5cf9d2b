"""The site's stable URLs (people bookmark and print them) and links between pages."""

from __future__ import annotations


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
    """A link from the page at `from_url` to `to_url`, both site-relative directory URLs.

    Plain segment arithmetic rather than posixpath.relpath, which resolves both
    paths against the working directory: generated pages hold thousands of
    links, and this is the hottest function of page generation.
    """
    source = from_url.strip("/").split("/") if from_url.strip("/") else []
    target = to_url.strip("/").split("/") if to_url.strip("/") else []
    common = 0
    for source_part, target_part in zip(source, target):
        if source_part != target_part:
            break
        common += 1
    parts = [".."] * (len(source) - common) + target[common:]
    return "/".join(parts) + "/" if parts else "./"
