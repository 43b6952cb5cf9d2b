"""Pages without Material's indentation around the content.

Material's templates indent their markup deeply, and a sidebar repeats on
every page: about a fifth of a role page is spaces after line breaks. Outside
the page's `<article>` (the theme's header, navigation and footer), and
outside `<script>`, `<pre>` and `<textarea>`, a line break followed by spaces
reads exactly as a line break does, so the spaces go. The article, where text
from the data may keep its line breaks and spaces (a message body), is left as
it is.
"""

from __future__ import annotations

import re

_KEPT = re.compile(r"<(script|pre|textarea)\b.*?</\1>|<article\b.*?</article>", re.S)
_INDENT = re.compile(r"\n[ \t]+")


def compact(page_html: str) -> str:
    """`page_html` with the indentation of its markup removed, outside what must keep its spaces."""
    pieces = []
    start = 0
    for kept in _KEPT.finditer(page_html):
        pieces.append(_INDENT.sub("\n", page_html[start : kept.start()]))
        pieces.append(kept.group(0))
        start = kept.end()
    pieces.append(_INDENT.sub("\n", page_html[start:]))
    return "".join(pieces)
