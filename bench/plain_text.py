"""A page's HTML written again as plain Markdown: headings, paragraphs, list items and table cells, nothing else.

The benchmark's second baseline (see bench/README.md): the same pages with
none of the markup that makes Python-Markdown work harder (HTML blocks,
attributes, links, emphasis), the cheapest page plain Material can build.
What a page says stays: every visible text, in page order. Block elements
become paragraphs, list items `- ` or `1. ` lines (nested lists flattened),
tables Markdown tables whose cells hold their text on one line. Links keep
their text and lose their address; scripts, styles and heading anchors ("¶")
go. The result holds no HTML tag: `<` and `&` become entities, and Markdown's
own characters are escaped, so each text reads as the text it was.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_INLINE = frozenset(
    {"a", "abbr", "b", "bdi", "button", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd", "label", "mark", "q", "s", "samp"}
    | {"small", "span", "strong", "sub", "sup", "time", "u", "var"}
)
"""Elements whose text runs on with the text around them."""
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
_SKIPPED = frozenset({"script", "style", "template"})
"""Elements whose content is no text a reader sees."""
_CELLS = frozenset({"td", "th"})
_LIST_END = ""
"""Between two lists: the items after it start a list of their own."""
_SPACE = re.compile(r"\s+")
_MARKDOWN = re.compile(r"([\\`*_\[\]{}|])")
_BLOCK_START = re.compile(r"^(?:[#>+\-]|\d+(?=[.)]))")


def escaped(text: str) -> str:
    """`text` as Markdown that shows exactly `text`, with no HTML in it."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return _MARKDOWN.sub(r"\\\1", text)


def _text_block(text: str) -> str:
    """`text` escaped, and not beginning like a heading, a quote or a list: a list item's or a paragraph's text."""
    return _BLOCK_START.sub(lambda start: f"{start[0]}\\" if start[0].isdigit() else f"\\{start[0]}", escaped(text))


class _Converter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.text: list[str] = []
        self.heading = 0
        self.lists: list[str] = []  # "ul" or "ol", innermost last
        self.items = 0  # open <li>
        self.skipping: str | None = None
        self.in_anchor_link = False
        self.table: list[list[str]] | None = None
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping:
            return
        if tag in _SKIPPED:
            self.skipping = tag
        elif tag == "a" and "headerlink" in (dict(attrs).get("class") or "").split():
            self.in_anchor_link = True
        elif tag in _VOID:
            self.text.append(" ")
        elif tag in _INLINE:
            pass
        elif self.cell is not None:
            self.cell.append(" ")  # a cell's text stays on its one line
        elif tag == "table":
            self.flush()
            self.table = []
        elif tag == "tr" and self.table is not None:
            self.table.append([])
        elif tag in _CELLS and self.table is not None:
            self.flush()
            self.cell = self.text = []
        else:
            self.flush()
            if tag in _HEADINGS:
                self.heading = _HEADINGS[tag]
            elif tag in ("ul", "ol"):
                self.lists.append(tag)
            elif tag == "li":
                self.items += 1

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            self.skipping = None if tag == self.skipping else self.skipping
            return
        if tag == "a" and self.in_anchor_link:
            self.in_anchor_link = False
        elif tag in _INLINE or tag in _VOID:
            pass
        elif tag in _CELLS and self.cell is not None:
            if self.table is not None:
                if not self.table:
                    self.table.append([])
                self.table[-1].append(_SPACE.sub(" ", "".join(self.cell)).strip())
            self.cell = None
            self.text = []
        elif self.cell is not None:
            self.cell.append(" ")
        elif tag == "table" and self.table is not None:
            self.flush()
            self.blocks.append(_table(self.table))
            self.table = None
        else:
            self.flush()
            if tag in _HEADINGS:
                self.heading = 0
            elif tag in ("ul", "ol") and self.lists:
                self.lists.pop()
                if not self.lists:
                    self.blocks.append(_LIST_END)
            elif tag == "li" and self.items:
                self.items -= 1

    def handle_data(self, data: str) -> None:
        if not self.skipping and not self.in_anchor_link:
            self.text.append(data)

    def flush(self) -> None:
        """The text read since the last block ends, as the block it belongs to."""
        text = _SPACE.sub(" ", "".join(self.text)).strip()
        self.text = []
        if not text:
            return
        if self.heading:
            self.blocks.append(f"{'#' * self.heading} {escaped(text)}")
        elif self.items:
            marker = "1." if self.lists and self.lists[-1] == "ol" else "-"
            self.blocks.append(f"{marker} {_text_block(text)}")
        else:
            self.blocks.append(_text_block(text))


def _table(rows: list[list[str]]) -> str:
    rows = [row for row in rows if row]
    if not rows:
        return ""
    width = max(len(row) for row in rows)
    lines = [f"| {' | '.join(escaped(cell) for cell in row + [''] * (width - len(row)))} |" for row in rows]
    return "\n".join([lines[0], "|" + " --- |" * width, *lines[1:]])


def plain_markdown(page_html: str) -> str:
    """The text of `page_html` as plain Markdown (see the module's docstring)."""
    converter = _Converter()
    converter.feed(page_html)
    converter.close()
    converter.flush()
    # Consecutive list items make one list; every other block stands alone.
    lines: list[str] = []
    previous_item = False
    for block in converter.blocks:
        item = block.startswith(("- ", "1. "))
        if block and lines and not (item and previous_item):
            lines.append("")
        if block:
            lines.append(block)
        previous_item = item
    return "\n".join(lines) + "\n"
