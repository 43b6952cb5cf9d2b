"""Every link in the generated pages leads somewhere: to a page or file of the site, and to an anchor that exists.

Generated pages skip Markdown, and MkDocs never checked links inside raw HTML
anyway, so the plugin checks them here once all pages are known. A broken link
can only come from the data (a link written in prose), so it is reported
against the data file the page comes from, like any other mistake in the data.
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..model.errors import DataProblem
from .catalogue import page_urls

if TYPE_CHECKING:
    from ..model.guide import Guide
    from .page import GeneratedPage


def _page_url(src_uri: str) -> str:
    """The directory URL of a page's virtual file (`roles/x/index.md` is `roles/x/`)."""
    return src_uri.removesuffix("index.md")


def _target(page_url: str, href: str) -> tuple[str, str] | None:
    """The site path and anchor `href` leads to from `page_url`; None for another site or scheme."""
    parts = urlsplit(html.unescape(href))
    if parts.scheme or parts.netloc:
        return None
    if not parts.path:
        return page_url, parts.fragment
    base = "/" + page_url
    path = posixpath.normpath(posixpath.join(posixpath.dirname(base) if not base.endswith("/") else base, parts.path))
    path = path.lstrip("/")
    if parts.path.endswith("/") and path:
        path += "/"
    return ("" if path == "." else path), parts.fragment


def broken_links(pages: Iterable[GeneratedPage], site_urls: set[str]) -> list[DataProblem]:
    """Each link of `pages` that leads to no page or file of `site_urls`, or to an anchor its page lacks."""
    pages = list(pages)
    anchors = {_page_url(page.src_uri): page.anchors for page in pages}
    problems = []
    for page in pages:
        url = _page_url(page.src_uri)
        for href in page.links:
            target = _target(url, href)
            if target is None:
                continue
            path, fragment = target
            if path not in site_urls and path.rstrip("/") not in site_urls:
                reason = "leads to no page of the guide"
            elif fragment and path in anchors and fragment not in anchors[path]:
                reason = f"leads to no heading or anchor '#{fragment}' on that page"
            else:
                continue
            where = page.origin
            problems.append(
                DataProblem(
                    where.path if where else "data",
                    where.line if where else 1,
                    f"the link '{html.unescape(href)}' on /{url} {reason}: correct the address in the text",
                )
            )
    return problems


def docs_addresses(docs_dir: Path) -> set[str]:
    """The site address of every file under `docs_dir`: a Markdown page's directory URL, any other file's path."""
    addresses = set()
    for path in docs_dir.rglob("*"):
        if not path.is_file():
            continue
        relative = path.relative_to(docs_dir).as_posix()
        if relative.endswith(".md"):
            page = relative.removesuffix(".md")
            page = page.removesuffix("index") if page == "index" or page.endswith("/index") else page + "/"
            addresses.add(page)
        else:
            addresses.add(relative)
    return addresses


def unresolved_root_links(guide: Guide, docs: set[str]) -> list[DataProblem]:
    """Each link in the data's prose, from the site's root, that leads to no generated page and no file of docs/."""
    known = page_urls(guide) | docs | {""}
    problems = []
    for origin, target in guide.root_links:
        path = urlsplit(target).path.lstrip("/")
        if path not in known and f"{path}/" not in known:
            problems.append(
                DataProblem(
                    origin.path, origin.line, f"the link '{target}' leads to no page or file of the guide: correct the address in the text"
                )
            )
    return problems


def unknown_search_pages(guide: Guide, known: set[str]) -> list[DataProblem]:
    """Each search term (data/search.yml) whose page is not one of the `known` site addresses."""
    return [
        DataProblem(
            term.origin.path,
            term.origin.line,
            f"the page '{term.page}' for the words {', '.join(term.words)} is not a page of the guide: "
            "write the address shown in the browser, from the site's root, e.g. /meeting/topics/",
        )
        for term in guide.search_terms
        if term.page.strip("/") + "/" not in known and term.page.strip("/") not in known and term.page != "/"
    ]
