"""Markdown that prose cannot show as HR meant it is refused, with the line and what to write instead.

Prose renders paragraphs, emphasis, links, lists, tables, block quotes, code
and images (render/markup.py). Two things it cannot show as written:

- a heading inside a text: the page's own headings give its structure, and a
  heading in the middle of a role's summary would break the table of contents;
- an image without a description (readers who cannot see it get nothing), or
  from another site (the guide loads nothing from elsewhere).

Every text value of a file is looked at, so the check needs no list of which
fields are prose; plain-text fields cannot hold these (they refuse < and >,
and a title starting with "# " is no title either).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from ..model.errors import DataProblem
from .problems import line_of

_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)", re.MULTILINE)
_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]*)")
_ROOT_LINK = re.compile(r"\]\(\s*<?(/[^/)\s>][^)\s>]*|/)")
NOT_PROSE = frozenset({"body", "subject"})
"""Message templates' text is sent as written, not read as Markdown."""


class RootLink(NamedTuple):
    """A link or image in prose to an address from the site's root, such as /prepare/agenda/."""

    path: str
    line: int
    target: str


def _texts(value: Any, container: Any = None, key: Any = None) -> Iterator[tuple[str, Any, Any]]:
    """Every prose text in `value`, with the container and key that hold it (for its line)."""
    if isinstance(value, str):
        yield value, container, key
    elif isinstance(value, dict):
        for child_key, child in value.items():
            if child_key not in NOT_PROSE:
                yield from _texts(child, value, child_key)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _texts(child, value, index)


def root_links(content: Any, path: str) -> list[RootLink]:
    """Every link and image address in the file's prose that starts at the site's root."""
    return [
        RootLink(path, line_of(container, key), target) for text, container, key in _texts(content) for target in _ROOT_LINK.findall(text)
    ]


def prose_problems(content: Any, path: str) -> list[DataProblem]:
    problems = []
    for text, container, key in _texts(content):
        line = line_of(container, key)
        field = f"'{key}'" if isinstance(key, str) else "this item"
        if _HEADING.search(text):
            problems.append(
                DataProblem(
                    path,
                    line,
                    f"{field} has a heading (a line starting with #): the page gives the headings; "
                    "write that line in **bold** instead, or remove the #",
                )
            )
        for description, source in _IMAGE.findall(text):
            if not description.strip():
                problems.append(
                    DataProblem(
                        path,
                        line,
                        f"{field} has an image without a description: write what it shows between the brackets, "
                        "e.g. ![Chart of the three tracks](/assets/tracks.png)",
                    )
                )
            if re.match(r"[a-z][a-z0-9+.-]*:|//", source, re.IGNORECASE):
                problems.append(
                    DataProblem(
                        path,
                        line,
                        f"{field} shows an image from another site ({source}): the guide loads nothing from elsewhere; "
                        "put the image in docs/assets/ and write its address from the site's root, e.g. /assets/tracks.png",
                    )
                )
    return problems
