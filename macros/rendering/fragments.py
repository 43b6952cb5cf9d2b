"""The small pieces of HTML every page template writes many times over: headings, links and their addresses.

They are Python rather than Jinja macros because a macro call costs Jinja a new
context each time, and a role page makes about a hundred of them. macros.html
exports them under the names templates import (`h`, `link`, `competency_link`),
so a site's own templates use them as before. Their output is escaped as
autoescaping would escape it: text from the data is never HTML.

The few other pieces of HTML that Python writes live here too, for the same
reason (each is written many times a build) and because none is a layout a site
would adapt: a paragraph of plain text (what Markdown makes of a line without
markup), the search index's lists, and the element that carries each page's
Content-Security-Policy. Everything else is laid out by the templates.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
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


def paragraph(text: str) -> str:
    """Plain text as one paragraph, escaped as Python-Markdown escapes it (quotes stay as they are)."""
    return f"<p>{html.escape(text, quote=False)}</p>"


def html_list(items: Iterable[str], *, ordered: bool = False) -> str:
    """`items`, each already HTML, as a list; nothing without items."""
    entries = "".join(f"<li>{item}</li>" for item in items)
    if not entries:
        return ""
    tag = "ol" if ordered else "ul"
    return f"<{tag}>{entries}</{tag}>"


POLICY_META = '<meta http-equiv="Content-Security-Policy"'
"""How the element carrying a page's Content-Security-Policy begins: one per page, before any script."""


def policy_meta(policy: str) -> str:
    """The element carrying `policy`, whose text holds quotes of one kind only ('self'), and no & < > \"."""
    return f'{POLICY_META} content="{policy}">'


class Once:
    """Fragments that are the same on every page that shows them, laid out for the first and reused.

    `{% call once("agenda-card-" ~ agenda.id) %}...{% endcall %}`: only for what holds
    no link, since links are written relative to each page. One per build, as the data
    a fragment shows may change between the rebuilds of a preview.
    """

    def __init__(self) -> None:
        self._made: dict[str, Any] = {}

    def release(self) -> None:
        """Forget the fragments made: every page is made."""
        self._made = {}

    def __call__(self, key: str, *, caller: Callable[[], Any]) -> Any:
        if key not in self._made:
            self._made[key] = caller()
        return self._made[key]
