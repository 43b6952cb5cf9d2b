"""The site's stable URLs (people bookmark and print them) and links between pages."""

from __future__ import annotations


def role_url(role_id: str) -> str:
    return f"roles/{role_id}/"


def role_worksheet_url(role_id: str) -> str:
    return f"roles/{role_id}/worksheet/"


PATHS_URL = "paths/"
TEMPLATES_URL = "templates/"
WORKSHEETS_URL = "worksheets/"
COMPETENCIES_URL = "competencies/"


def competency_url(competency_id: str) -> str:
    return f"{COMPETENCIES_URL}{competency_id}/"


def family_url(family_id: str) -> str:
    return f"{PATHS_URL}{family_id}/"


def template_url(template_id: str) -> str:
    return f"{TEMPLATES_URL}{template_id}/"


def worksheet_url(worksheet_id: str) -> str:
    return f"{WORKSHEETS_URL}{worksheet_id}/"


def source_path(url: str) -> str:
    """The virtual Markdown file behind a directory URL."""
    return f"{url}index.md"


def _segments(url: str) -> list[str]:
    """The path segments of a site-relative URL; none for the home page."""
    stripped = url.strip("/")
    return stripped.split("/") if stripped else []


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at `from_url` to `to_url`, both site-relative directory URLs.

    Plain segment arithmetic rather than posixpath.relpath, which resolves both
    paths against the working directory: generated pages hold thousands of
    links, and this is the hottest function of page generation.
    """
    source, target = _segments(from_url), _segments(to_url)
    common = 0
    for source_part, target_part in zip(source, target, strict=False):
        if source_part != target_part:
            break
        common += 1
    parts = [".."] * (len(source) - common) + target[common:]
    return "/".join(parts) + "/" if parts else "./"
