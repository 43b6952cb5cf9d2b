"""While previewing: pages kept from the last rebuild, and what each was made from.

A page is made again only when one of its inputs changed. Its inputs are its
layout and the site's templates, the records it is given, and the parts of the
whole guide its layout reads. Those parts are found in the layout's own source
(every `guide.<name>` in it and in what it includes or imports), not listed by
hand: a layout that starts reading more of the guide is never served stale.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import jinja2
from jinja2 import nodes

from ..model.fingerprint import digest
from ..model.guide import Guide
from ..rendering.environment import PACKAGE_TEMPLATES, TEMPLATE_FOLDER
from .page import GeneratedPage


class PageMemo:
    """While previewing: the pages of the last rebuild by the inputs they were made from.

    A page is made again only when something it is made from changed: its
    layout and the site's templates, the records it is given, and the parts of
    the whole guide its layout reads (`guide_part`). After an edit of one data
    file, most pages are taken as they were.
    """

    def __init__(self) -> None:
        self._pages: dict[str, GeneratedPage] = {}
        self._made: dict[str, GeneratedPage] = {}
        self.reused = 0
        self.made = 0
        """How many pages this rebuild took from the last one, and how many it made."""

    def begin(self) -> None:
        self._made = {}
        self.reused = self.made = 0

    def get(self, key: str) -> GeneratedPage | None:
        page = self._pages.get(key)
        if page is not None:
            self._made[key] = page
            self.reused += 1
        return page

    def put(self, key: str, page: GeneratedPage) -> None:
        self._made[key] = page
        self.made += 1

    def finish(self) -> None:
        """Keep this rebuild's pages, and only them, for the next one."""
        self._pages, self._made = self._made, {}


GUIDE_METHODS_READ: dict[str, Callable[[Guide], object]] = {
    "family_of": lambda guide: [(family.id, family.name, [role.id for role in family.roles]) for family in guide.families],
}
"""What each method of the guide that a layout calls reads of it. A layout calling a method not
listed here depends on the whole guide (a test keeps the guide's own layouts within the list)."""


def _referenced(env: jinja2.Environment, layout: str) -> Iterator[nodes.Template]:
    """The parsed source of `layout` and of every template it includes, imports or extends."""
    seen: set[str] = set()
    waiting = [f"{TEMPLATE_FOLDER}/{layout}"]
    while waiting:
        name = waiting.pop()
        if name in seen:
            continue
        seen.add(name)
        assert env.loader is not None
        source, _, _ = env.loader.get_source(env, name)
        tree = env.parse(source)
        yield tree
        for node in tree.find_all((nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
            used = getattr(node, "template", None)
            if isinstance(used, nodes.Const) and isinstance(used.value, str):
                waiting.append(used.value)


def guide_reads(env: jinja2.Environment, layout: str) -> frozenset[str]:
    """Every `guide.<name>` that `layout` and the templates it uses read."""
    return frozenset(
        node.attr
        for tree in _referenced(env, layout)
        for node in tree.find_all(nodes.Getattr)
        if isinstance(node.node, nodes.Name) and node.node.name == "guide"
    )


def guide_part(guide: Guide, reads: frozenset[str]) -> object:
    """The part of `guide` that a layout reading `reads` depends on: all of it when a method's reads are unknown."""
    if any(callable(getattr(guide, name, None)) and name not in GUIDE_METHODS_READ for name in reads):
        return guide
    return sorted((name, GUIDE_METHODS_READ[name](guide) if name in GUIDE_METHODS_READ else getattr(guide, name, None)) for name in reads)


def templates_digest(env: jinja2.Environment) -> str:
    """The site's and the guide's templates as they are now: an edited template makes every page anew."""
    loaders = getattr(env.loader, "loaders", [env.loader])
    folders = [PACKAGE_TEMPLATES, *(Path(folder) for loader in loaders for folder in getattr(loader, "searchpath", []))]
    stats = [(path.as_posix(), path.stat().st_mtime_ns) for folder in folders for path in sorted(folder.rglob("*.html"))]
    return digest(stats)
