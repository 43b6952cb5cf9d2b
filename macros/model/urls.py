"""The site's stable URLs (people bookmark and print them) and links between pages."""

from __future__ import annotations

import re


def role_url(role_id: str) -> str:
    return f"roles/{role_id}/"


def role_worksheet_url(role_id: str) -> str:
    return f"roles/{role_id}/worksheet/"


PATHS_URL = "paths/"
TEMPLATES_URL = "templates/"
WORKSHEETS_URL = "worksheets/"
COMPETENCIES_URL = "competencies/"
PLAN_URL = "plan/"
OPPORTUNITIES_URL = "opportunities/"
HEALTH_URL = "editing/health/"
"""For editors only, beside their guide (/editing/); not in the navigation or search."""


def competency_url(competency_id: str) -> str:
    return f"{COMPETENCIES_URL}{competency_id}/"


def family_url(family_id: str) -> str:
    return f"{PATHS_URL}{family_id}/"


def opportunity_anchor(opportunity_id: str) -> str:
    """The id of an opportunity's entry on the opportunities page (prefixed: a heading's id is never taken)."""
    return f"opportunity-{opportunity_id}"


def opportunity_url(opportunity_id: str) -> str:
    """An opportunity's entry, on the page that lists them all."""
    return f"{OPPORTUNITIES_URL}#{opportunity_anchor(opportunity_id)}"


def template_url(template_id: str) -> str:
    return f"{TEMPLATES_URL}{template_id}/"


def worksheet_url(worksheet_id: str) -> str:
    return f"{WORKSHEETS_URL}{worksheet_id}/"


_ROOT_ADDRESS = re.compile(r'(<(?:a|img)\s[^>]*?(?:href|src)=")/(?!/)')


def rebase_root_links(html: str, page_url: str) -> str:
    """`html` for the page at `page_url`, its links and images from the site's root (/prepare/) made relative.

    Prose in the data may link to a page from the site's root, as it is shown
    on pages at every depth; relative, the link also works where the guide is
    published under a sub-path, and the link check resolves it like any other.
    """
    if '="/' not in html:
        return html
    to_root = relative(page_url, "")
    prefix = "" if to_root == "./" else to_root
    return _ROOT_ADDRESS.sub(lambda match: match.group(1) + prefix, html)


def source_path(url: str) -> str:
    """The virtual Markdown file behind a directory URL."""
    return f"{url}index.md"


def _segments(url: str) -> list[str]:
    """The path segments of a site-relative URL; none for the home page."""
    stripped = url.strip("/")
    return stripped.split("/") if stripped else []


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at `from_url` to `to_url`: site-relative directory URLs, or a file's path as `to_url`.

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
    if not parts:
        return "./"
    # A page's URL ends with a slash; a file's (assets/career-data.json) does not.
    return "/".join(parts) + ("" if to_url and not to_url.endswith("/") else "/")
