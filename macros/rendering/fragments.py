"""The small pieces of HTML every page template writes many times over: headings, links and their addresses.

They are Python rather than Jinja macros because a macro call costs Jinja a new
context each time, and a role page makes about a hundred of them. macros.html
exports them under the names templates import (`h`, `link`, `competency_link`),
so a site's own templates use them as before. Their output is escaped as
autoescaping would escape it: text from the data is never HTML.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jinja2
from markupsafe import Markup, escape

from ..model import urls
from ..model.guide import Competency


@jinja2.pass_context
def heading(context: jinja2.runtime.Context, level: int, text: str, export: str | None = None) -> Markup:
    """A heading, with the id and permanent link Python-Markdown would give it, numbered in the
    page's `headings` (see toc.py) for its table of contents. `export`: what downloads of the
    answers make of it (data-cg-export)."""
    ident = escape(context["headings"].add(level, text))
    exported = f' data-cg-export="{escape(export)}"' if export else ""
    permalink = f'<a class="headerlink" href="#{ident}" title="Permanent link">&para;</a>'
    return Markup(f'<h{level:d}{exported} id="{ident}">{escape(text)}{permalink}</h{level:d}>')


@jinja2.pass_context
def href(context: jinja2.runtime.Context, to_url: str) -> str:
    """The address of `to_url` from the page being laid out (`page_url`): links are relative, so the site works from any folder."""
    return urls.relative(context["page_url"], to_url)


@jinja2.pass_context
def link(context: jinja2.runtime.Context, to_url: str, label: str) -> Markup:
    """A link to another page of the site."""
    return Markup(f'<a href="{escape(href(context, to_url))}">{escape(label)}</a>')


@jinja2.pass_context
def competency_link(context: jinja2.runtime.Context, competency: Competency) -> Markup:
    """A competency's name, linked to its page."""
    return link(context, urls.competency_url(competency.id), competency.name)


class Once:
    """Fragments that are the same on every page that shows them, laid out for the first and reused.

    `{% call once("agenda-card-" ~ agenda.id) %}...{% endcall %}`: only for what holds
    no link, since links are written relative to each page. One per build, as the data
    a fragment shows may change between the rebuilds of a preview.
    """

    def __init__(self) -> None:
        self._made: dict[str, Any] = {}

    def __call__(self, key: str, *, caller: Callable[[], Any]) -> Any:
        if key not in self._made:
            self._made[key] = caller()
        return self._made[key]
