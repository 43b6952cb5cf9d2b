"""Pages without Material's indentation around the content.

Material's templates indent their markup deeply, and a sidebar repeats on
every page: about a fifth of a role page is spaces after line breaks, and
another fiftieth blank lines. Outside the page's `<article>` (the theme's
header, navigation and footer), and outside `<script>`, `<pre>` and
`<textarea>`, a line break followed by spaces and more line breaks reads
exactly as one line break does (the theme sets no `white-space: pre` there),
so only that one is kept. The article, where text from the data may keep its
line breaks and spaces (a message body), is left as it is.
"""

from __future__ import annotations

import re

_KEPT = re.compile(r"<(script|pre|textarea|article)\b")
"""Where an element that keeps its spaces begins; it ends at its first end tag."""
_INDENT = re.compile(r"\n[ \t\n]+")
"""Indentation and blank lines: a line break followed by spaces, tabs and more line breaks."""


def compact(page_html: str) -> str:
    """`page_html` with the indentation of its markup removed, outside what must keep its spaces."""
    pieces = []
    start = position = 0
    while (kept := _KEPT.search(page_html, position)) is not None:
        # The end tag is found by `str.find`: a pattern matching the whole
        # element stepped through the article one character at a time.
        end = page_html.find(f"</{kept[1]}>", kept.end())
        if end < 0:  # no end tag: its spaces are not kept
            position = kept.start() + 1
            continue
        end += len(kept[1]) + 3
        pieces.append(_INDENT.sub("\n", page_html[start : kept.start()]))
        pieces.append(page_html[kept.start() : end])
        start = position = end
    pieces.append(_INDENT.sub("\n", page_html[start:]))
    return "".join(pieces)
