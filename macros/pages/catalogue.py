"""The catalogue: every page the data produces, made from the declarations of `kinds`."""

from __future__ import annotations

import functools
from typing import Any

import jinja2

from ..model.fingerprint import digest
from ..model.guide import Guide
from ..model.urls import rebase_root_links, source_path
from ..rendering.environment import is_guide_template, render
from ..rendering.toc import PageHeadings
from .kinds import KINDS, Facts, PageKind
from .memo import PageMemo, guide_part, guide_reads, templates_digest
from .page import GeneratedPage
from .plan_data import PLAN_DATA_PATH


class _PageMaker:
    """Lays out generated pages with the templates of `env`, taking unchanged ones from `memo` when previewing."""

    def __init__(self, env: jinja2.Environment, guide: Guide, memo: PageMemo | None) -> None:
        self.env = env
        self.guide = guide
        self.memo = memo
        self._own_layouts: dict[str, bool] = {}
        self._guide_inputs: dict[str, str] = {}
        self._templates = templates_digest(env) if memo is not None else ""

    def _own(self, layout: str) -> bool:
        if layout not in self._own_layouts:
            self._own_layouts[layout] = is_guide_template(self.env, layout)
        return self._own_layouts[layout]

    def __call__(self, kind: PageKind, url: str, record: Any, context: dict[str, Any]) -> GeneratedPage:
        """The page of `kind` at `url`, laid out with `context`."""
        origin = kind.origin(record)
        if self.memo is None:
            return self._make(kind, url, origin, context)
        if kind.layout not in self._guide_inputs:
            self._guide_inputs[kind.layout] = digest(guide_part(self.guide, guide_reads(self.env, kind.layout)))
        others = {name: value for name, value in context.items() if name != "guide"}
        key = digest(self._templates, kind.layout, url, origin, kind.in_nav, kind.boost, self._guide_inputs[kind.layout], others)
        page = self.memo.get(key)
        if page is None:
            page = self._make(kind, url, origin, context)
            self.memo.put(key, page)
        return page

    def _make(self, kind: PageKind, url: str, origin: Any, context: dict[str, Any]) -> GeneratedPage:
        headings = PageHeadings()
        html = rebase_root_links(render(self.env, kind.layout, page_url=url, headings=headings, **context), url)
        # A site's own layout is described by its HTML alone: Material indexes it.
        search = functools.partial(kind.search, **context) if self._own(kind.layout) else None
        title = headings.title or ""
        return GeneratedPage.of(source_path(url), html, headings.tokens(), title, origin, kind.in_nav, kind.boost, search)


def generated_pages(guide: Guide, env: jinja2.Environment, memo: PageMemo | None = None) -> list[GeneratedPage]:
    """Every page the data produces, laid out by the templates of `env` (or, previewing, taken from `memo`)."""
    if memo is not None:
        memo.begin()
    make = _PageMaker(env, guide, memo)
    facts = Facts(guide)
    pages = [make(kind, kind.url(record), record, kind.context(facts, record)) for kind in KINDS for record in kind.records(guide)]
    if memo is not None:
        memo.finish()
    return pages


def page_urls(guide: Guide) -> set[str]:
    """The address of every page generated_pages makes, and of the plan's data file, without making them (for `make check`)."""
    return {kind.url(record) for kind in KINDS for record in kind.records(guide)} | {PLAN_DATA_PATH}
