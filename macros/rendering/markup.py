"""Turning text from YAML into safe HTML or Markdown.

Text from data files is content, never code: short text is escaped, prose is
rendered as a fixed subset of Markdown and then sanitised, so neither HTML,
script, Jinja nor Markdown extensions can come through.

The subset is what HR writes in practice: paragraphs, emphasis, links
(`[text](url)` and `<https://...>`), lists (nested by 2 or 4 spaces), tables,
block quotes, code and images of the site's own files. Headings and images
without a description are refused when the data is loaded
(loading/prose_check.py); anything else is shown as the text it is.
"""

from __future__ import annotations

import functools
import html
import re

import markdown
import nh3
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension

from .fragments import paragraph

ALLOWED_TAGS = {
    *("p", "em", "strong", "a", "ul", "ol", "li", "code", "pre", "br", "hr", "blockquote", "img"),
    *("table", "thead", "tbody", "tr", "th", "td"),
}
ALLOWED_SCHEMES = {"http", "https", "mailto"}
# One sanitiser for every text: its rules are built once, not on each call.
_SANITISER = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes={"a": {"href", "title"}, "img": {"src", "alt", "title"}, "th": {"style"}, "td": {"style"}},
    url_schemes=ALLOWED_SCHEMES,
    link_rel="noopener",
    filter_style_properties={"text-align"},
)
_SINGLE_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.DOTALL)


@functools.cache
def _converter() -> markdown.Markdown:
    """Python-Markdown for prose, made on first use: plain paragraphs never need it."""
    # The extension as a class, not by name: a name is looked up through the
    # installed packages' entry points, which costs more than the conversion.
    return markdown.Markdown(extensions=[SaneListExtension(), TableExtension()], output_format="html")


def text(value: str) -> str:
    """Plain text, escaped for HTML."""
    return html.escape(value, quote=True)


# Text free of these can only be one plain paragraph in Markdown: no emphasis,
# code, escape, entity, tab or line break inside, and no list, heading or
# indented code at its start. Most prose in the data is such text.
_INLINE_SYNTAX = re.compile(r"[\\`*_&\n\t]|<(?:https?|mailto):")
_BLOCK_START = re.compile(r"[-+#>\s]|\d+[.)]")
# Square brackets are plain text too when they only hold a placeholder such as
# "[your goal]": balanced, not nested, and not the start of a link, an image or
# a reference ("[a](url)", "![a]", "[a][b]", "[a] [b]", "[a]: url").
_BRACKETS_ONLY_AROUND_TEXT = re.compile(r"[^\[\]]*(?:\[[^\[\]]*\][^\[\]]*)*")
_LINK_SYNTAX = re.compile(r"!\[|\]\s?[(\[:]")


def _plain_brackets(value: str) -> bool:
    if "[" not in value and "]" not in value:
        return True
    return bool(_BRACKETS_ONLY_AROUND_TEXT.fullmatch(value)) and not _LINK_SYNTAX.search(value)


def is_plain_paragraph(value: str) -> bool:
    """True when Markdown would make `value` one paragraph of its own text."""
    return bool(value) and not _INLINE_SYNTAX.search(value) and not _BLOCK_START.match(value) and _plain_brackets(value)


_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^\s<>]+)>")
_LIST_ITEM = re.compile(r"^( +)(?:[-*+]|\d+[.)])\s")


def _nested_by_four(value: str) -> str:
    """Lists nested by 2 spaces (as many editors indent) re-indented by 4, which Markdown needs."""
    lines = value.split("\n")
    indents = [len(match.group(1)) for line in lines if (match := _LIST_ITEM.match(line))]
    if not indents or all(indent % 4 == 0 for indent in indents):
        return value
    return "\n".join(" " * (2 * (len(line) - len(line.lstrip(" ")))) + line.lstrip(" ") for line in lines)


def convert_markdown(value: str) -> str:
    """Markdown prose as HTML, before sanitising; HTML in the text is shown as text.

    Only `&` and `<` are escaped: no tag can start without `<`, and `>` must
    stay itself to open a block quote. An autolink (`<https://...>`) becomes a
    Markdown link first.
    """
    prepared = _nested_by_four(_AUTOLINK.sub(lambda link: f"[{link.group(1)}]({link.group(1)})", value))
    return _converter().reset().convert(prepared.replace("&", "&amp;").replace("<", "&lt;"))


def markdown_to_html(value: str) -> str:
    """The same as convert_markdown, with a shortcut for plain paragraphs (tested to agree)."""
    if is_plain_paragraph(value):
        return paragraph(value)
    return convert_markdown(value)


@functools.lru_cache(maxsize=4096)
def prose(value: str) -> str:
    """Markdown prose (emphasis, lists, links) as sanitised HTML.

    Cached: the same texts (general questions, competency levels) appear on
    many generated pages.
    """
    # Escaping first turns any HTML in the text into visible text; the
    # sanitiser then removes anything the Markdown produced that is not allowed,
    # such as a javascript: link.
    return _SANITISER.clean(markdown_to_html(value))


def prose_inline(value: str) -> str:
    """Prose for use inside a sentence or list item: one paragraph loses its <p>."""
    rendered = prose(value)
    single = _SINGLE_PARAGRAPH.match(rendered)
    if single and "<p>" not in single.group(1):
        return single.group(1)
    return rendered


def block(html_text: str) -> str:
    """Wrap rendered HTML so Markdown passes it through as one raw block."""
    return f"\n\n{html_text.strip()}\n\n"
